// Package gltf reads skeletons and animations from glTF 2.0 files (.glb and
// .gltf) into motion.Clips, and writes clips as GLB files with a skin and an
// animation. It uses github.com/qmuntal/gltf for the document's types and
// for writing; reading goes through its own bounds-checked accessor code and
// an io.ReaderAt, so only the bytes the skeleton and the chosen animation
// need are read (a character's meshes and textures never are).
package gltf
