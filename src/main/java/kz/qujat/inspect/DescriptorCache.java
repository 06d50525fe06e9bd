package kz.qujat.inspect;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The register photos' descriptors already computed, by the SHA-256 of the photo's bytes (a changed register photo
 * is a new entry; no IIN or name is kept), at most {@code capacity} of them, the least recently used dropped
 * first. A photo without a face is remembered as such. Thread-safe: shared by every instance of a pool.
 */
public final class DescriptorCache {
    /** A photo's largest face and its descriptor, or the face that was not found (descriptor null). */
    public record Entry(float[] descriptor, SamePerson.Face face) {
    }

    private final int capacity;
    private final Map<String, Entry> entries;
    private long hits;
    private long misses;

    public DescriptorCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > DescriptorCache.this.capacity;
            }
        };
    }

    /** The entry of {@code photo}, computed by {@code compute} (outside the lock) when not held. */
    public Entry get(byte[] photo, Supplier<Entry> compute) {
        String key = sha256(photo);
        synchronized (this) {
            Entry e = entries.get(key);
            if (e != null) {
                hits++;
                return e;
            }
            misses++;
        }
        Entry e = compute.get();
        synchronized (this) {
            entries.put(key, e);
        }
        return e;
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized long hits() {
        return hits;
    }

    public synchronized long misses() {
        return misses;
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
