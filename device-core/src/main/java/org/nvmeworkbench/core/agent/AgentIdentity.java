package org.nvmeworkbench.core.agent;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Set;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.nvmeworkbench.core.record.AtomicFile;

/**
 * The agent's certificate, key and access token, made on its first start in a folder readable only by its
 * owner (ssh's host keys, in spirit): a self-signed EC P-256 certificate that clients pin by its SHA-256
 * fingerprint, and a random 256-bit token that every call must carry.
 *
 * @param certificate PEM file of the self-signed certificate
 * @param key         PEM file of the private key (PKCS#8), mode 0600
 * @param tokenFile   the token file, mode 0600
 * @param fingerprint {@code SHA256:} and the base64 of the certificate's SHA-256 digest, as ssh prints keys
 */
public record AgentIdentity(Path certificate, Path key, Path tokenFile, String fingerprint) {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /**
     * The identity kept in {@code dir}, made there first if it is not; {@code tokenFile}, when given, is the
     * token instead of the one in {@code dir}.
     */
    public static AgentIdentity loadOrCreate(Path dir, Path tokenFile) {
        try {
            Files.createDirectories(dir);
            restrict(dir, PosixFilePermissions.fromString("rwx------"));
            Path cert = dir.resolve("agent-cert.pem");
            Path key = dir.resolve("agent-key.pem");
            if (!Files.isRegularFile(cert) || !Files.isRegularFile(key)) {
                create(cert, key);
            }
            Path token = tokenFile != null ? tokenFile : dir.resolve("token");
            if (tokenFile == null && !Files.isRegularFile(token)) {
                byte[] t = new byte[32];
                new SecureRandom().nextBytes(t);
                write(token, Base64.getUrlEncoder().withoutPadding().encodeToString(t) + "\n");
            }
            if (!Files.isRegularFile(token)) {
                throw new AgentException("There is no token file at " + token + ".", true);
            }
            return new AgentIdentity(cert, key, token, fingerprint(readCertificate(cert)));
        } catch (IOException | GeneralSecurityException e) {
            throw new AgentException("The agent's certificate or token in " + dir + " could not be made or read: "
                    + e.getMessage() + ".", false, e);
        }
    }

    /** The token, as written in the token file (surrounding white space removed). */
    public String token() {
        return readToken(tokenFile);
    }

    /** A token file's token; one sentence when it cannot be read or is empty. */
    public static String readToken(Path file) {
        try {
            String t = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (t.isEmpty()) {
                throw new AgentException("The token file " + file + " is empty.", true);
            }
            return t;
        } catch (IOException e) {
            throw new AgentException("The token file " + file + " cannot be read (" + e.getMessage() + ").", true, e);
        }
    }

    /** {@code SHA256:} and the unpadded base64 of the DER certificate's SHA-256 digest. */
    public static String fingerprint(X509Certificate c) throws GeneralSecurityException {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(d);
    }

    static X509Certificate readCertificate(Path pem) throws IOException, GeneralSecurityException {
        try (var in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static void create(Path cert, Path key) throws IOException, GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        KeyPair kp = g.generateKeyPair();
        X500Name name = new X500Name("CN=nvme-workbench-agent");
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), name, kp.getPublic());
        X509Certificate c;
        try {
            c = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e.getMessage(), e);
        }
        write(key, pem(new JcaPKCS8Generator(kp.getPrivate(), null)));
        write(cert, pem(c));
    }

    private static String pem(Object o) throws IOException {
        StringWriter s = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(s)) {
            if (o instanceof org.bouncycastle.util.io.pem.PemObjectGenerator g) {
                w.writeObject(g);
            } else {
                w.writeObject(o);
            }
        }
        return s.toString();
    }

    private static void write(Path file, String text) throws IOException {
        AtomicFile.write(file, text.getBytes(StandardCharsets.UTF_8));
        restrict(file, OWNER_ONLY);
    }

    private static void restrict(Path p, Set<PosixFilePermission> perms) throws IOException {
        try {
            Files.setPosixFilePermissions(p, perms);
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: its own access rules apply.
        }
    }
}
