package org.babble.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.babble.core.frozen.FrozenModel;
import org.babble.core.frozen.FrozenModelReader;
import org.babble.core.io.FileNames;
import org.babble.core.onnx.OnnxExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code babble export}: a babble model as a file other tools run. The home-automation and embedded world around
 * babble runs ONNX; the exported network gives babble's scores for babble's features, which the caller computes as
 * the file's metadata says (docs/export.md).
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Write a frozen model's network in a format other tools run (ONNX), labels and feature settings"
                + " as its metadata.")
public final class ExportCommand implements Callable<Integer> {
    /** The formats babble writes. */
    enum Format {
        ONNX
    }

    @Parameters(
            arity = "0..1",
            paramLabel = "MODEL",
            description = "Model file (default: --model, $BABBLE_MODEL, ./model.babble).")
    Path file;

    @Mixin
    ModelMixin modelOption;

    @Option(
            names = "--format",
            defaultValue = "onnx",
            paramLabel = "onnx",
            description = "What to write (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "File to write (default: the model's name with .onnx).")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path source = file != null ? file : modelOption.resolve();
        Path target = output != null ? output : defaultOutput(source);
        FrozenModel model = FrozenModelReader.read(source);
        OnnxExport.write(source, model, target);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
                Locale.ROOT,
                "wrote %s (%d bytes): input '%s' [batch, %d, %d], output '%s' %s%n",
                target,
                Files.size(target),
                OnnxExport.INPUT,
                model.metadata().featureSettings().frameCount(),
                model.metadata().featureSettings().binsPerFrame(),
                OnnxExport.OUTPUT,
                model.labels());
        out.flush();
        return ExitCode.OK;
    }

    private static Path defaultOutput(Path model) {
        return model.resolveSibling(FileNames.stem(model) + ".onnx");
    }
}
