package org.viplab.config;

import org.viplab.core.util.Confined;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A notify script of an instance or a sync group ({@code notify_master "/etc/keepalived/notify.sh MASTER"}) and
 * what the node's folder says about it: the file, when a file of that name is there, its text and whether it may
 * be executed.
 *
 * @param owner        the vrrp_instance or vrrp_sync_group that names it
 * @param keyword      notify, notify_master, notify_backup, notify_fault, notify_stop ...
 * @param command      the command as written, with its position
 * @param path         the script's path as written (the word after an interpreter such as {@code /bin/sh})
 * @param file         the copy in the node's folder, or null
 * @param text         the file's text (or, with no file, the command itself)
 * @param executable   whether the copy may be executed (true when there is no copy: nothing to tell)
 * @param interpreted  run through an interpreter ({@code bash notify.sh}), which needs no executable bit
 * @param inConfDir    the path is in keepalived.conf's own directory on the host, /etc/keepalived/, whose files
 *                     the node's folder holds: a script missing from the folder is missing there too
 */
public record NotifyScript(String owner, String keyword, KeepalivedConf.Val<String> command, String path, Path file,
                           String text, boolean executable, boolean interpreted, boolean inConfDir) {
    /** Where keepalived.conf lives on the hosts the node folders are copied from. */
    public static final String CONF_DIR = "/etc/keepalived/";
    private static final java.util.Set<String> INTERPRETERS = java.util.Set.of("sh", "bash", "dash", "ksh", "zsh", "python", "python3", "perl");

    /** The notify scripts of every instance and sync group of a node, in file order (instances first). */
    static void readAll(NodeConfig nc) throws ConfigParseException {
        for (KeepalivedConf.VrrpInstance vi : nc.keepalived.instances) read(nc, vi.name, vi.notify);
        for (KeepalivedConf.SyncGroup g : nc.keepalived.syncGroups) read(nc, g.name, g.notify);
    }

    private static void read(NodeConfig nc, String owner, Map<String, KeepalivedConf.Val<String>> notify) throws ConfigParseException {
        for (Map.Entry<String, KeepalivedConf.Val<String>> e : notify.entrySet()) {
            KeepalivedConf.Val<String> cmd = e.getValue();
            String[] words = cmd.value().trim().split("\\s+");
            if (words.length == 0 || words[0].isEmpty()) continue;
            boolean interpreted = INTERPRETERS.contains(baseName(words[0])) && words.length > 1;
            String path = interpreted ? words[1] : words[0];
            Path file = null;
            String name = baseName(path);
            if (!name.isEmpty()) {
                Path f = nc.dir.resolve(name);
                if (Files.isRegularFile(f)) file = f;
            }
            if (file != null && Confined.inside(nc.dir, file) == null) {
                throw new ConfigParseException(cmd.pos(), ConfigText.of("config.error.scriptOutside", cmd.value(), file,
                        nc.dir.toAbsolutePath().normalize()));
            }
            String text = file != null ? ConfigFiles.read(file) : cmd.value();
            boolean executable = file == null || Files.isExecutable(file);
            nc.notifyScripts.add(new NotifyScript(owner, e.getKey(), cmd, path, file, text, executable, interpreted,
                    path.startsWith(CONF_DIR) && path.indexOf('/', CONF_DIR.length()) < 0));
        }
    }

    private static String baseName(String w) {
        int slash = w.lastIndexOf('/');
        return slash >= 0 ? w.substring(slash + 1) : w;
    }
}
