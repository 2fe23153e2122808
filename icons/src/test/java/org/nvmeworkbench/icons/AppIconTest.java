package org.nvmeworkbench.icons;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.IkonHandler;

class AppIconTest {
    /**
     * A name whose pack has no handler on the class path (found as FontIcon finds it, by ServiceLoader), or
     * whose code the pack's font lacks, draws nothing or an empty box.
     */
    @Test
    void everySemanticNameResolvesToAGlyphItsFontHas() {
        Map<IkonHandler, Font> fonts = new HashMap<>();
        for (AppIcon icon : AppIcon.values()) {
            Ikon glyph = icon.glyph();
            IkonHandler handler = ServiceLoader.load(IkonHandler.class).stream().map(ServiceLoader.Provider::get)
                    .filter(h -> h.supports(glyph.getDescription())).findFirst()
                    .orElseThrow(() -> new AssertionError("no icon pack handles " + icon + " (" + glyph.getDescription() + ")"));
            assertThat(handler.resolve(glyph.getDescription())).as(icon.name()).isEqualTo(glyph);
            Font font = fonts.computeIfAbsent(handler, AppIconTest::font);
            assertThat(font.canDisplay(glyph.getCode())).as(icon + " (" + glyph.getDescription() + ") in " + font.getName())
                    .isTrue();
        }
    }

    /** Each meaning has its own picture, so two actions never look alike in a toolbar. */
    @Test
    void noTwoNamesShareAGlyph() {
        Map<Ikon, AppIcon> seen = new HashMap<>();
        for (AppIcon icon : AppIcon.values()) {
            AppIcon other = seen.put(icon.glyph(), icon);
            assertThat(other).as(icon + " uses the glyph of " + other).isNull();
        }
    }

    private static Font font(IkonHandler h) {
        try (InputStream in = h.getFontResourceAsStream()) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the font of " + h.getFontFamily(), e);
        }
    }
}
