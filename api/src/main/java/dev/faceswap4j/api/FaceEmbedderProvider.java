package dev.faceswap4j.api;

/** Service interface of face recognition plugins ({@code faceswap4j.embedder = <name>}). */
public interface FaceEmbedderProvider extends StageProvider<FaceEmbedder> {}
