// Parity reference for the C# Universal Sentence Encoder Lite.
// Reads a JSON array of strings on stdin and prints
//   {"model": "...", "tokens": [[id, ...], ...], "embeddings": [[512 floats], ...]}
// Tokens come from the TF.js `Tokenizer`; embeddings from the package's own
// `UniversalSentenceEncoder.embed` (one call per sentence), run on the
// pure-JS CPU backend over the local model files (no network).
// Model folder: $USE_LITE_DIR, else <repo>/models/use-lite/dist.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfconv from '@tensorflow/tfjs-converter';
import use from '@tensorflow-models/universal-sentence-encoder';

const here = path.dirname(fileURLToPath(import.meta.url));
const modelDir = process.env.USE_LITE_DIR || path.resolve(here, '../../../models/use-lite/dist');

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

// A tf.io.IOHandler that reads model.json and its shards from the local folder.
function localHandler(dir) {
  return {
    async load() {
      const json = JSON.parse(await readFile(path.join(dir, 'model.json'), 'utf8'));
      const weightSpecs = [];
      const buffers = [];
      for (const group of json.weightsManifest) {
        weightSpecs.push(...group.weights);
        for (const p of group.paths) buffers.push(await readFile(path.join(dir, p)));
      }
      const all = Buffer.concat(buffers);
      const weightData = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength);
      return { modelTopology: json.modelTopology, weightSpecs, weightData, format: json.format, generatedBy: json.generatedBy, convertedBy: json.convertedBy };
    },
  };
}

async function main() {
  const sentences = JSON.parse(await readStdin());
  if (!Array.isArray(sentences) || sentences.some((s) => typeof s !== 'string' || s.length === 0)) {
    throw new Error('stdin must be a JSON array of non-empty strings');
  }
  await tf.setBackend('cpu');
  await tf.ready();
  const vocabulary = JSON.parse(await readFile(path.join(modelDir, 'vocab.json'), 'utf8'));
  const encoder = new use.UniversalSentenceEncoder();
  encoder.model = await tfconv.loadGraphModel(localHandler(modelDir));
  encoder.tokenizer = new use.Tokenizer(vocabulary);
  const tokens = sentences.map((s) => encoder.tokenizer.encode(s));
  // One embed() call per sentence: no padding on the reference side, and much faster on the CPU backend
  // than padding every sentence to the longest one.
  const embeddings = [];
  for (const sentence of sentences) {
    const tensor = await encoder.embed([sentence]);
    embeddings.push((await tensor.array())[0]);
    tensor.dispose();
  }
  process.stdout.write(JSON.stringify({ model: 'use-lite-en@0.2.0 (tfjs ' + tf.version_core + ', ' + tf.getBackend() + ')', tokens, embeddings }));
}

main().catch((err) => {
  process.stderr.write(String(err && err.stack ? err.stack : err) + '\n');
  process.exit(1);
});
