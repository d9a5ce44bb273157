// Descriptors of face-api's own FaceRecognitionNet for 150x150 face chips (PNG), on TF.js' CPU backend.
// usage: node embed.cjs MODEL_DIR CHIP.png... > descriptors.json
// MODEL_DIR holds face_recognition_model-weights_manifest.json and its .bin (`faceswap4j models fetch`).
const fs = require('fs');
const path = require('path');
const { PNG } = require('pngjs');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
const tf = faceapi.tf;

async function loadNet(modelDir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(modelDir, 'face_recognition_model-weights_manifest.json'), 'utf8'));
  const specs = manifest.flatMap((group) => group.weights);
  const buffers = manifest.flatMap((group) => group.paths.map((p) => fs.readFileSync(path.join(modelDir, p))));
  const bytes = Buffer.concat(buffers);
  const weights = tf.io.decodeWeights(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length), specs);
  faceapi.nets.faceRecognitionNet.loadFromWeightMap(weights);
}

function readChip(file) {
  const png = PNG.sync.read(fs.readFileSync(file));
  const rgb = new Float32Array(png.width * png.height * 3);
  for (let i = 0; i < png.width * png.height; i++) {
    for (let c = 0; c < 3; c++) rgb[i * 3 + c] = png.data[i * 4 + c];
  }
  return tf.tensor3d(rgb, [png.height, png.width, 3]);
}

(async () => {
  const [modelDir, ...chips] = process.argv.slice(2);
  await tf.setBackend('cpu');
  await tf.ready();
  await loadNet(modelDir);
  const out = { backend: tf.getBackend(), tfjs: tf.version_core, faceApi: faceapi.version, descriptors: {} };
  for (const chip of chips) {
    const input = readChip(chip);
    out.descriptors[path.basename(chip)] = Array.from(await faceapi.nets.faceRecognitionNet.computeFaceDescriptor(input));
    input.dispose();
  }
  process.stdout.write(JSON.stringify(out, null, 1) + '\n');
})().catch((e) => { console.error(e.message); process.exit(1); });
