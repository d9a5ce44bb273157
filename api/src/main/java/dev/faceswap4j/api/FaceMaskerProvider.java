package dev.faceswap4j.api;

/** Service interface of convert's mask plugins ({@code faceswap4j.convert.mask = <name>}). */
public interface FaceMaskerProvider extends StageProvider<FaceMasker> {}
