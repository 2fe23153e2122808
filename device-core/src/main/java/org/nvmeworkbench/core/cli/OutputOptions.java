package org.nvmeworkbench.core.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code -o json|normal} and {@code --output FILE}, shared by every command (nvme-cli's -o). */
public final class OutputOptions {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** nvme-cli's output formats this tool writes. */
    public enum Format { normal, json }

    @Option(names = {"-o", "--output-format"}, paramLabel = "FMT", defaultValue = "normal",
            description = "normal or json (default: ${DEFAULT-VALUE}).")
    Format format = Format.normal;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write the output to FILE (atomically) instead of stdout.")
    Path file;

    boolean json() {
        return format == Format.json;
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** Writes {@code normal} or {@code json} (whichever was asked for) to stdout or the file. */
    void emit(CommandSpec spec, String normal, JsonNode json) {
        String text;
        if (json()) {
            try {
                text = JSON.writeValueAsString(json) + "\n";
            } catch (JsonProcessingException e) {
                throw CliFailure.refused("The output could not be written as JSON: " + e.getOriginalMessage() + ".");
            }
        } else {
            text = normal.endsWith("\n") ? normal : normal + "\n";
        }
        if (file == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return;
        }
        deliver(spec, file, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes {@code bytes} to {@code file} (stdout for {@code -}; see {@link OutputTarget}); a folder is a
     * usage error, a failure one sentence naming the file.
     */
    static void deliver(CommandSpec spec, Path file, byte[] bytes) {
        OutputTarget.checkWritable(file, "--output");
        OutputTarget.write(file, bytes, spec.commandLine().getOut());
    }
}
