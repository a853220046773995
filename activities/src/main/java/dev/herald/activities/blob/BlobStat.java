package dev.herald.activities.blob;

/** What the store knows of an object: its key and size in bytes. */
public record BlobStat(String key, long size) {}
