package kz.qujat.workstation.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import kz.qujat.api.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local outbox of signed decisions: a decision is written here (one JSON file per application, written
 * to a temporary file, synced and atomically renamed) before it is sent, moved to {@code delivered/} when
 * the central service has it, or to {@code rejected/} when the service refuses it for good. A pending file
 * for an application is what stops a second signature for the same decision.
 */
public final class DecisionOutbox {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionOutbox.class);
    private final Path pending;
    private final Path delivered;
    private final Path rejected;
    private final Path unfinished;
    private final ObjectMapper mapper = Json.mapper();

    public DecisionOutbox(Path dir) {
        this.pending = dir.resolve("pending");
        this.delivered = dir.resolve("delivered");
        this.rejected = dir.resolve("rejected");
        // files are written beside pending/, never in it: pending/ holds only complete entries
        this.unfinished = dir.resolve("writing");
    }

    /** Writes the entry durably; fails if a decision for this application is already waiting. */
    public synchronized void put(OutboxEntry entry) {
        if (find(entry.applicationId()).isPresent()) {
            throw new IllegalStateException("a decision for " + entry.applicationId() + " is already in the outbox");
        }
        write(entry);
        LOG.info("decision {} for application {} stored in the outbox", entry.decision(), entry.applicationId());
    }

    /** Records a failed attempt, keeping the entry pending. */
    public synchronized void attemptFailed(OutboxEntry entry, String error) {
        if (Files.exists(file(pending, entry.applicationId()))) {
            write(entry.failedOnce(error));
        }
    }

    public synchronized void markDelivered(UUID applicationId) {
        move(applicationId, delivered);
        LOG.info("decision for application {} delivered", applicationId);
    }

    public synchronized void markRejected(UUID applicationId, String error) {
        find(applicationId).ifPresent(e -> write(e.failedOnce(error)));
        move(applicationId, rejected);
        LOG.warn("decision for application {} refused by the central service", applicationId);
    }

    /** Whether a decision for the application is waiting to be sent (no file is parsed). */
    public boolean holds(UUID applicationId) {
        return Files.exists(file(pending, applicationId));
    }

    public synchronized Optional<OutboxEntry> find(UUID applicationId) {
        Path f = file(pending, applicationId);
        return Files.exists(f) ? Optional.of(read(f)) : Optional.empty();
    }

    /** The pending decisions of one officer, oldest first. */
    public synchronized List<OutboxEntry> pendingOf(String officerIin) {
        if (!Files.isDirectory(pending)) {
            return List.of();
        }
        List<OutboxEntry> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(pending)) {
            files.filter(p -> p.getFileName().toString().endsWith(".json")).map(this::read)
                    .filter(e -> e.officerIin().equals(officerIin)).forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(Comparator.comparing(OutboxEntry::signedAt));
        return out;
    }

    private void write(OutboxEntry entry) {
        try {
            Files.createDirectories(pending);
            Files.createDirectories(unfinished);
            Path target = file(pending, entry.applicationId());
            Path tmp = unfinished.resolve(entry.applicationId() + ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap(mapper.writeValueAsBytes(entry)));
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the outbox", e);
        }
    }

    private void move(UUID applicationId, Path to) {
        try {
            Files.createDirectories(to);
            Path from = file(pending, applicationId);
            if (Files.exists(from)) {
                Files.move(from, file(to, applicationId), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the outbox", e);
        }
    }

    private OutboxEntry read(Path f) {
        try {
            return mapper.readValue(f.toFile(), OutboxEntry.class);
        } catch (IOException e) {
            throw new UncheckedIOException("outbox file unreadable: " + f.getFileName(), e);
        }
    }

    private static Path file(Path dir, UUID applicationId) {
        return dir.resolve(applicationId + ".json");
    }
}
