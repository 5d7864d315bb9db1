package org.viplab.lab.hosts;

/**
 * Asked when a host presents a key known_hosts does not have (trust on first use). A changed key is never
 * asked about: it stops the connection.
 */
@FunctionalInterface
public interface HostKeyPrompt {
    /** @return true to trust the key and add it to known_hosts */
    boolean trustNewKey(String host, String keyType, String fingerprint);

    /** For unattended runs: only keys already in known_hosts are accepted. */
    static HostKeyPrompt refuse() { return (h, t, f) -> false; }
}
