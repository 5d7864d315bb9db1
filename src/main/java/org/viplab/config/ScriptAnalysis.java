package org.viplab.config;

import org.viplab.core.model.CheckScriptSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * What a check script was recognised to do. {@code test == null} means "cannot tell what it tests";
 * {@code exitNonZeroOnFailure == null} means "cannot tell whether its exit status follows the test".
 */
public final class ScriptAnalysis {
    /** The source the analysis is about: the file, or the script line in keepalived.conf. */
    public String source;
    public CheckScriptSpec.Test test;
    /** The command that was recognised, e.g. "ps -C mysqld", "mysqladmin ping". */
    public String testCommand;
    /** 1-based line in the source where the test is. */
    public int testLine;
    public String processName;
    public Integer port;
    public boolean stopsKeepalived;
    public String stopCommand;
    public int stopLine;
    /** The stop runs under sudo (needs a sudoers rule for the script user). */
    public boolean usesSudo;
    public Boolean exitNonZeroOnFailure;
    /** The script returns non-zero while healthy ({@code [ ... ] && cmd} as its last line): its weight applies permanently. */
    public boolean invertedExit;
    /** The tutorial's {@code if ...; then ...; fi} with nothing after it: always exits 0. */
    public boolean alwaysExitsZero;
    /** Human sentences: how each conclusion was reached, and what could not be told. */
    public final List<String> explanations = new ArrayList<>();

    public boolean recognised() { return test != null; }

    /** One-line summary for notes and reports, in English. */
    public String summary() { return summaryText().english(); }

    /** The one-line summary in no language yet: the commands are quoted from the script, the rest is translated. */
    public ConfigText summaryText() {
        String exit;
        if (alwaysExitsZero) exit = "config.script.always0";
        else if (invertedExit) exit = "config.script.nonZeroWhileHealthy";
        else if (exitNonZeroOnFailure == null) exit = "config.script.cannotTell";
        else exit = exitNonZeroOnFailure ? "config.script.nonZeroOnFailure" : "config.script.zeroOnFailure";
        return ConfigText.of("config.script.summary",
                test == null ? ConfigText.of("config.script.cannotTell") : testCommand,
                stopsKeepalived ? stopCommand : ConfigText.of("config.script.onFailureNothing"),
                ConfigText.of(exit));
    }
}
