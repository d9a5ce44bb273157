package dev.faceswap4j.api;

/** Service interface of swap model plugins ({@code faceswap4j.model = <name>}). */
public interface SwapModelProvider extends StageProvider<SwapModel> {}
