package dev.faceswap4j.djl;

/** Adam's hyper-parameters. */
public record AdamSettings(float learningRate, float beta1, float beta2, float epsilon) {}
