package dev.aspace.ui.ribbon;

/** A marked address on the ribbon: "main() is here", or where Go to address went. */
public record Pin(long address, String text) {
}
