package dev.eventletscan.report;

import dev.eventletscan.model.Finding;
import dev.eventletscan.model.FindingIdentity;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * SARIF's {@code partialFingerprints}: the baseline's finding identity
 * ({@link FindingIdentity}), so code-scanning platforms and our baselines agree
 * on what is the same finding across commits. Suppressed findings get their own.
 */
final class SarifFingerprints {
    /** v2: the identity gained the enclosing scope and lost comments, as the baseline's did. */
    static final String KEY = "eventletScan/v2";

    private SarifFingerprints() {}

    static List<String> of(List<Finding> findings, boolean suppressed) {
        return FindingIdentity.fingerprints(findings, suppressed ? "suppressed" : "");
    }

    /** A relative path as a URI reference: reserved characters escaped, and no first segment that looks like a scheme. */
    static String uri(String path) {
        String safe = path.indexOf(':') >= 0 && (path.indexOf('/') < 0 || path.indexOf(':') < path.indexOf('/')) ? "./" + path : path;
        try {
            return new URI(null, null, safe, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("a path always makes a URI: " + path, e);
        }
    }
}
