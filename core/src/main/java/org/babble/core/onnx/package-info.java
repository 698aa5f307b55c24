/**
 * babble models as ONNX files, so that tools outside babble (ONNX Runtime from Python, C++, a phone or a home
 * automation box) can run them. The file holds the network only; the caller computes the features as the metadata
 * says ({@code docs/export.md}).
 */
package org.babble.core.onnx;
