package org.babble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.WavWriter;
import org.babble.testing.Signals;
import org.babble.testing.SystemTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code label --interactive} in a real terminal: babble runs in a tmux pane, as a user runs it, and tmux types single
 * keys into it, never Enter. One key press must place a clip at once (raw mode), where line-buffered input waited for
 * Enter and let typed keys pile up on the prompt.
 */
class LabelInTerminalTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void oneKeyPressLabelsAClipWithoutEnter() throws Exception {
        Path tmux = SystemTools.require("tmux", "/usr/bin/tmux");
        Path in = dir.resolve("in");
        Path out = dir.resolve("out");
        for (String name : List.of("a", "b")) {
            WavWriter.write(in.resolve(name + ".wav"), AudioClip.mono(8000, Signals.sine(300, 0.3, 8000, 8000)));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path script = Files.writeString(
                dir.resolve("label.sh"),
                String.join(
                                " ",
                                quote(java),
                                "-cp",
                                quote(System.getProperty("java.class.path")),
                                "org.babble.cli.Main label --interactive",
                                quote(in.toString()),
                                "--labels crying,noise --no-play --out",
                                quote(out.toString()))
                        + "\necho babble-exited-$?\nsleep 60\n");
        String session = "babble-label-" + ProcessHandle.current().pid();
        run(
                tmux.toString(),
                "new-session",
                "-d",
                "-s",
                session,
                "-x",
                "160",
                "-y",
                "40",
                "sh " + quote(script.toString()));
        try {
            awaitPane(tmux, session, "q quit > ");
            run(tmux.toString(), "send-keys", "-t", session, "-l", "1");
            Path labelled = out.resolve("crying").resolve("a.wav");
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!Files.exists(labelled) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(Files.exists(labelled), "one key, no Enter, placed the clip:\n" + pane(tmux, session));
            awaitPane(tmux, session, "[2/2] b.wav");
            assertTrue(pane(tmux, session).contains("1 crying (1)  2 noise (0)"), pane(tmux, session));

            run(tmux.toString(), "send-keys", "-t", session, "-l", "q");
            awaitPane(tmux, session, "babble-exited-0");
            assertEquals(
                    List.of("a.wav"),
                    List.of(Files.list(out.resolve("crying"))
                            .map(p -> p.getFileName().toString())
                            .toArray()));
        } finally {
            run(tmux.toString(), "kill-session", "-t", session);
        }
    }

    private static void awaitPane(Path tmux, String session, String text) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String shown = "";
        while (System.nanoTime() < deadline) {
            shown = pane(tmux, session);
            if (shown.contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the pane never showed '" + text + "':\n" + shown);
    }

    private static String pane(Path tmux, String session) throws IOException, InterruptedException {
        return run(tmux.toString(), "capture-pane", "-p", "-J", "-t", session);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(command));
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        return output;
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
