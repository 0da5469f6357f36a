package com.orodc.render;

/**
 * One rendered file.
 *
 * @param path where it goes, relative to the directory the caller writes into, with {@code /} separators
 * @param content its full text
 */
public record RenderedFile(String path, String content) {
}
