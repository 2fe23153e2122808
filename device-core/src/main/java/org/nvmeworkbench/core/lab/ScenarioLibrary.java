package org.nvmeworkbench.core.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The scenarios shipped with the product (resources next to this class) and the user's own files.
 * Every failure is one {@link ScenarioException} sentence naming the file and the field or line.
 */
public final class ScenarioLibrary {
    /** The shipped scenarios, in the order a presenter would play them. */
    public static final List<String> SHIPPED = List.of("one-command-journey", "coalescing-threshold-vs-timer", "why-msi-x",
            "sixteen-queues-sixteen-vectors", "the-seeds-claims", "tuning-demo", "a-lost-interrupt");

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(JsonParser.Feature.ALLOW_COMMENTS);

    private ScenarioLibrary() {
    }

    /** The names {@code --scenario} accepts for the shipped scenarios. */
    public static List<String> shippedNames() {
        return SHIPPED;
    }

    /** A shipped scenario by name. */
    public static ScenarioPlan shipped(String name) {
        try (InputStream in = ScenarioLibrary.class.getResourceAsStream(name + ".json")) {
            if (in == null || !SHIPPED.contains(name)) {
                throw new ScenarioException("There is no shipped scenario called '" + name + "'; the shipped ones are "
                        + SHIPPED + ".");
            }
            return parse(in.readAllBytes(), name + ".json");
        } catch (IOException e) {
            throw new ScenarioException("The shipped scenario " + name + " could not be read: " + e.getMessage(), e);
        }
    }

    /** A user's scenario file. */
    public static ScenarioPlan load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ScenarioException("The scenario file " + file + " could not be read (" + e.getMessage() + ").", e);
        }
        return parse(bytes, file.getFileName().toString());
    }

    /** A shipped name, or else a path to a file: what {@code --scenario} takes. */
    public static ScenarioPlan resolve(String nameOrPath) {
        return SHIPPED.contains(nameOrPath) ? shipped(nameOrPath) : load(Path.of(nameOrPath));
    }

    static ScenarioPlan parse(byte[] json, String source) {
        Scenario s;
        try {
            s = JSON.readValue(json, Scenario.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ScenarioException("Scenario " + source + ", " + line(e.getLocation()) + ": the field '"
                    + e.getPropertyName() + "' is not one a scenario has (" + path(e) + ").", e);
        } catch (JsonMappingException e) {
            throw new ScenarioException("Scenario " + source + ", " + line(e.getLocation()) + ": the field '" + path(e)
                    + "' has a value of the wrong kind.", e);
        } catch (JsonProcessingException e) {
            throw new ScenarioException("Scenario " + source + ", " + line(e.getLocation()) + ": this is not valid JSON ("
                    + e.getOriginalMessage() + ").", e);
        } catch (IOException e) {
            throw new ScenarioException("Scenario " + source + " could not be read (" + e.getMessage() + ").", e);
        }
        if (s == null) {
            throw new ScenarioException("Scenario " + source + " is empty.");
        }
        return ScenarioPlan.of(s, source);
    }

    private static String line(JsonLocation l) {
        return l == null ? "somewhere" : "line " + l.getLineNr() + " column " + l.getColumnNr();
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
