package org.viplab.engine.ssh;

import org.viplab.lab.hosts.HostKeyPrompt;
import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * known_hosts verification with trust on first use. JSch runs with {@code StrictHostKeyChecking=yes} and
 * this repository: a known key passes; an unknown key is shown (type and SHA-256 fingerprint) to the
 * {@link HostKeyPrompt} and added to known_hosts only if the user accepts; a changed key is refused and
 * remembered so the error can say so. Never {@code StrictHostKeyChecking=no}.
 */
final class VerifyingHostKeys implements HostKeyRepository {
    private final JSch jsch;
    private final HostKeyRepository known;
    private final Path file;
    private final HostKeyPrompt prompt;
    private volatile String changed;
    private volatile String rejected;

    VerifyingHostKeys(JSch jsch, Path knownHosts, HostKeyPrompt prompt) throws JSchException {
        this.jsch = jsch;
        this.file = knownHosts;
        this.prompt = prompt;
        if (Files.exists(knownHosts)) jsch.setKnownHosts(knownHosts.toString());
        this.known = jsch.getHostKeyRepository();
    }

    /** What went wrong with the last check, for the error message; null if nothing. */
    String problem() { return changed != null ? changed : rejected; }

    boolean keyChanged() { return changed != null; }

    @Override
    public int check(String host, byte[] key) {
        int r = known.check(host, key);
        if (r == OK) return OK;
        HostKey hk;
        try {
            hk = new HostKey(host, key);
        } catch (JSchException e) {
            rejected = "unreadable host key: " + e.getMessage();
            return NOT_INCLUDED;
        }
        String fp = hk.getFingerPrint(jsch);
        if (r == CHANGED) {
            changed = "REMOTE HOST KEY CHANGED for " + host + ": it now presents " + hk.getType() + " " + fp
                    + ", which does not match " + file + ". This can be an attack or a reinstalled host; "
                    + "remove the old key from known_hosts only when you know why it changed.";
            return CHANGED;
        }
        if (!prompt.trustNewKey(host, hk.getType(), fp)) {
            rejected = "host key " + hk.getType() + " " + fp + " of " + host + " is not in " + file + " and was not accepted";
            return NOT_INCLUDED;
        }
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            if (!Files.exists(file)) Files.createFile(file);
            if (known.getKnownHostsRepositoryID() == null) jsch.setKnownHosts(file.toString());
        } catch (IOException | JSchException e) {
            rejected = "cannot write " + file + ": " + e.getMessage();
            return NOT_INCLUDED;
        }
        jsch.getHostKeyRepository().add(hk, null);
        return OK;
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) { known.add(hostkey, ui); }

    @Override
    public void remove(String host, String type) { known.remove(host, type); }

    @Override
    public void remove(String host, String type, byte[] key) { known.remove(host, type, key); }

    @Override
    public String getKnownHostsRepositoryID() { return known.getKnownHostsRepositoryID(); }

    @Override
    public HostKey[] getHostKey() { return known.getHostKey(); }

    @Override
    public HostKey[] getHostKey(String host, String type) { return known.getHostKey(host, type); }
}
