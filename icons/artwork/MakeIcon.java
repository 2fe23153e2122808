import java.awt.*;
import java.awt.geom.*;
import java.awt.image.BufferedImage;
import java.io.*;
import javax.imageio.ImageIO;

/**
 * Draws the application icon, src/main/resources/org/nvmeworkbench/icons/nvme-workbench.png (the desktop
 * entry's and the installer's): the Material "memory" chip of AppIcon.CONTROLLER in white on a blue tile,
 * with an amber bolt for the interrupt. Not part of the build; rerun it after changing the artwork:
 *
 *   cp=$(ls workbench-ui/target/lib/ikonli-*.jar | paste -sd:)
 *   java -Djava.awt.headless=true -cp "$cp" icons/artwork/MakeIcon.java \
 *       icons/src/main/resources/org/nvmeworkbench/icons/nvme-workbench.png 256
 */
public class MakeIcon {
    public static void main(String[] a) throws Exception {
        int code = org.kordamp.ikonli.material2.Material2MZ.MEMORY.getCode();
        Font f;
        try (InputStream in = MakeIcon.class.getResourceAsStream("/META-INF/resources/material2/20200820/fonts/MaterialIcons.ttf")) {
            f = Font.createFont(Font.TRUETYPE_FONT, in);
        }
        int n = Integer.parseInt(a[1]);
        BufferedImage img = new BufferedImage(n, n, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        double m = n * 0.06, s = n - 2 * m;
        RoundRectangle2D bg = new RoundRectangle2D.Double(m, m, s, s, s * 0.36, s * 0.36);
        g.setPaint(new GradientPaint(0, (float) m, new Color(0x2f6fd6), 0, (float) (m + s), new Color(0x173a80)));
        g.fill(bg);
        // The chip glyph, white, centred.
        g.setFont(f.deriveFont(Font.PLAIN, (float) (s * 0.78)));
        String glyph = new String(Character.toChars(code));
        Shape outline = g.getFont().createGlyphVector(g.getFontRenderContext(), glyph).getOutline();
        Rectangle2D b = outline.getBounds2D();
        double tx = n / 2.0 - b.getCenterX(), ty = n / 2.0 - b.getCenterY();
        g.translate(tx, ty);
        g.setColor(Color.WHITE);
        g.fill(outline);
        // A small amber "interrupt" bolt in the chip's centre square.
        g.translate(-tx, -ty);
        double c = n / 2.0, r = s * 0.11;
        Path2D bolt = new Path2D.Double();
        bolt.moveTo(c + r * 0.25, c - r * 1.25);
        bolt.lineTo(c - r * 0.75, c + r * 0.15);
        bolt.lineTo(c - r * 0.05, c + r * 0.15);
        bolt.lineTo(c - r * 0.35, c + r * 1.25);
        bolt.lineTo(c + r * 0.75, c - r * 0.25);
        bolt.lineTo(c + r * 0.05, c - r * 0.25);
        bolt.closePath();
        g.setColor(new Color(0xffb300));
        g.fill(bolt);
        g.dispose();
        ImageIO.write(img, "png", new File(a[0]));
    }
}
