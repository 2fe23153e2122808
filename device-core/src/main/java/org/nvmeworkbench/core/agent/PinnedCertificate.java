package org.nvmeworkbench.core.agent;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one certificate, named by its SHA-256 fingerprint (no CA, no host name: the pin is the
 * trust, as ssh's known_hosts). With no pin yet, the first certificate presented is remembered, to be pinned
 * by the caller on first use.
 */
final class PinnedCertificate extends X509ExtendedTrustManager {
    private final String endpoint;
    private final String pinned;
    private volatile String presented;

    /** @param pinned the fingerprint to require, or null to accept the first one presented */
    PinnedCertificate(String endpoint, String pinned) {
        this.endpoint = endpoint;
        this.pinned = pinned;
    }

    /** The fingerprint the agent presented, once the TLS handshake has run. */
    String presented() {
        return presented;
    }

    /** Thrown when the agent's certificate is not the pinned one. */
    static final class Mismatch extends CertificateException {
        private static final long serialVersionUID = 1L;

        Mismatch(String sentence) {
            super(sentence);
        }
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("The agent at " + endpoint + " presented no certificate.");
        }
        String fp;
        try {
            fp = AgentIdentity.fingerprint(chain[0]);
        } catch (GeneralSecurityException e) {
            throw new CertificateException(e.getMessage(), e);
        }
        presented = fp;
        if (pinned != null && !pinned.equals(fp)) {
            throw new Mismatch("The agent at " + endpoint + " presented certificate " + fp + ", not " + pinned
                    + " as pinned before; if the agent was given a new certificate on purpose, accept it with "
                    + "--agent-fingerprint " + fp + ", or in the window with that fingerprint in Add agent (compare it with "
                    + "what the agent printed at its start).");
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("This side checks servers only.");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("This side checks servers only.");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("This side checks servers only.");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
