package dev.switchboard.app.playground;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.switchboard.app.common.AtomicFiles;
import dev.switchboard.gateway.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Experiments and target sets as JSON files in the app's data directory ({@code playground/experiments/<id>.json},
 * {@code playground/target-sets.json}), each written atomically: a crash mid-save leaves the previous file whole.
 * Blocking; call off the FX thread.
 */
public final class PlaygroundStore {
    private static final Logger LOG = LoggerFactory.getLogger(PlaygroundStore.class);
    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,64}");

    private final Path experiments;
    private final Path targetSets;

    public PlaygroundStore(Path dir) {
        this.experiments = dir.resolve("experiments");
        this.targetSets = dir.resolve("target-sets.json");
    }

    public void save(Experiment experiment) throws IOException {
        AtomicFiles.write(file(experiment.id()), Json.MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsString(experiment));
    }

    public Experiment load(String id) throws IOException {
        return Json.MAPPER.readValue(file(id).toFile(), Experiment.class);
    }

    /** Newest first; a file that cannot be read is left out (and logged), never deleted. */
    public List<Experiment.Summary> list() throws IOException {
        if (!Files.isDirectory(experiments)) {
            return List.of();
        }
        List<Experiment.Summary> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(experiments)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                try {
                    found.add(Json.MAPPER.readValue(file.toFile(), Experiment.class).summary());
                } catch (IOException e) {
                    LOG.warn("Skipping unreadable experiment {}: {}", file.getFileName(), e.getMessage());
                }
            }
        }
        found.sort(Comparator.comparing(Experiment.Summary::createdAt).reversed());
        return found;
    }

    public List<TargetSet> targetSets() throws IOException {
        if (!Files.exists(targetSets)) {
            return List.of();
        }
        return Json.MAPPER.readValue(targetSets.toFile(), new TypeReference<List<TargetSet>>() { });
    }

    /** Adds the set, replacing one of the same name. */
    public List<TargetSet> saveTargetSet(TargetSet set) throws IOException {
        List<TargetSet> sets = new ArrayList<>(targetSets());
        sets.removeIf(s -> s.name().equals(set.name()));
        sets.add(set);
        sets.sort(Comparator.comparing(TargetSet::name));
        AtomicFiles.write(targetSets, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(sets));
        return List.copyOf(sets);
    }

    private Path file(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Not an experiment id: " + id);
        }
        return experiments.resolve(id + ".json");
    }
}
