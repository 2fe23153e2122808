package org.nvmeworkbench.core.resultfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The real fio output checked in under src/test/resources/fio (see the README.md there for the commands). */
public final class FioFiles {
    private FioFiles() {
    }

    public static Path path(String name) {
        try {
            return Path.of(FioFiles.class.getResource("/fio/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file's JSON, read independently of the code under test (after any text before the brace). */
    public static JsonNode json(String name) {
        try {
            String text = Files.readString(path(name));
            return new ObjectMapper().readTree(text.substring(text.indexOf('{')));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
