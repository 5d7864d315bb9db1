package org.viplab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The generated bash script, run by a real bash: what a user gets after pressing Tab. */
class CompletionTest {
    @TempDir
    Path dir;

    /** The words bash offers for the command line {@code words}, the last one being completed. */
    private List<String> complete(String... words) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "no /bin/bash on this machine");
        Path script = dir.resolve("viplab.bash");
        Files.writeString(script, CompletionCommand.bash());
        StringBuilder arr = new StringBuilder();
        for (String w : words) arr.append(" '").append(w).append("'");
        String driver = "source \"$1\"\nCOMP_WORDS=(" + arr + ")\nCOMP_CWORD=" + (words.length - 1)
                + "\nCOMP_LINE=\"${COMP_WORDS[*]}\"\nCOMP_POINT=${#COMP_LINE}\n_complete_viplab\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Path d = dir.resolve("driver.sh");
        Files.writeString(d, driver);
        Process p = new ProcessBuilder("/bin/bash", d.toString(), script.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start(); // compopt complains outside a real Tab press
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return Arrays.stream(out.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).sorted().toList();
    }

    @Test
    void commandsSubcommandsOptionsAndValuesComeFromTheDefinition() throws Exception {
        assertEquals(List.of("drill"), complete("viplab", "dri"));
        assertEquals(List.of("down", "status", "up"), complete("viplab", "lab", ""));
        assertEquals(List.of("--engine"), complete("viplab", "drill", "--eng"));
        assertEquals(List.of("both", "sim", "ssh"), complete("viplab", "drill", "--engine", ""));
        assertEquals(List.of("en", "zh-CN"), complete("viplab", "lint", "--lang", ""));
        assertEquals(List.of("bash"), complete("viplab", "completion", "ba"));
        assertEquals(List.of("1", "2"), complete("viplab", "lab", "up", "--mode", ""));
    }

    @Test
    void theZshScriptIsAnAutoloadableCompletionFunction() {
        String zsh = CompletionCommand.zsh();
        assertTrue(zsh.startsWith("#compdef viplab\n"), zsh.substring(0, 40));
        assertTrue(zsh.contains("autoload -U +X bashcompinit && bashcompinit\n"));
        assertTrue(zsh.contains("function _complete_viplab()"));
        assertTrue(zsh.contains("compopt() { return 0; }") && !zsh.contains("alias compopt=complete"), "no compopt in zsh");
        assertTrue(zsh.strip().endsWith("_bash_complete -F _complete_viplab \"$@\""));
    }

    @Test
    void theBuildStepWritesBothScripts() throws Exception {
        CompletionCommand.main(new String[]{dir.resolve("completion").toString()});
        assertEquals(CompletionCommand.bash(), Files.readString(dir.resolve("completion/viplab")));
        assertEquals(CompletionCommand.zsh(), Files.readString(dir.resolve("completion/_viplab")));
    }
}
