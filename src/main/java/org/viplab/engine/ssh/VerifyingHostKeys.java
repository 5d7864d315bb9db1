package org.viplab.engine.ssh;

import org.viplab.lab.LabText;
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
    private volatile LabText changed;
    private volatile LabText rejected;

    VerifyingHostKeys(JSch jsch, Path knownHosts, HostKeyPrompt prompt) throws JSchException {
        this.jsch = jsch;
        this.file = knownHosts;
        this.prompt = prompt;
        if (Files.exists(knownHosts)) jsch.setKnownHosts(knownHosts.toString());
        this.known = jsch.getHostKeyRepository();
    }

    /** What went wrong with the last check, for the error message; null if nothing. */
    LabText problem() { return changed != null ? changed : rejected; }

    boolean keyChanged() { return changed != null; }

    @Override
    public int check(String host, byte[] key) {
        int r = known.check(host, key);
        if (r == OK) return OK;
        HostKey hk;
        try {
            hk = new HostKey(host, key);
        } catch (JSchException e) {
            rejected = LabText.of("hostKey.unreadable", e.getMessage());
            return NOT_INCLUDED;
        }
        String fp = hk.getFingerPrint(jsch);
        if (r == CHANGED) {
            changed = LabText.of("hostKey.changed", host, hk.getType(), fp, file);
            return CHANGED;
        }
        if (!prompt.trustNewKey(host, hk.getType(), fp)) {
            rejected = LabText.of("hostKey.notAccepted", hk.getType(), fp, host, file);
            return NOT_INCLUDED;
        }
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            if (!Files.exists(file)) Files.createFile(file);
            if (known.getKnownHostsRepositoryID() == null) jsch.setKnownHosts(file.toString());
        } catch (IOException | JSchException e) {
            rejected = LabText.of("hostKey.cannotWrite", file, e.getMessage());
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
