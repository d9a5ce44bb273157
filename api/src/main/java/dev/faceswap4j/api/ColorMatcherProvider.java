package dev.faceswap4j.api;

/** Service interface of convert's color plugins ({@code faceswap4j.convert.color = <name>}). */
public interface ColorMatcherProvider extends StageProvider<ColorMatcher> {}
