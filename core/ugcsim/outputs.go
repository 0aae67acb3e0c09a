package ugcsim

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"strings"
)

// outputKind says what file the service makes for one OutputType.
type outputKind struct {
	ext string // File.type as the service reports it
	// content makes the file's bytes; nil means the output is the uploaded
	// source video itself (the render videos).
	content func(m *jobMotion) []byte
	// standIn says content is a placeholder text, not a file of the format.
	standIn bool
}

// standIn is an output the simulator cannot make: a text file with the
// format's extension that says what it stands for.
func standIn(ext, format string) outputKind {
	return outputKind{ext: ext, content: placeholder(format), standIn: true}
}

// StandIn reports whether the simulator's file for an output type
// ("MAIN_FBX", or "main_fbx" as AdditionalFile.format gives it) is a
// placeholder text rather than a real file of that format, so the demo can
// say so beside it.
func StandIn(outputType string) bool {
	return outputKinds[strings.ToUpper(outputType)].standIn
}

// outputKinds covers every OutputType of the schema. GLB and BVH are real
// motion files on Move One's rig; formats that cannot honestly be
// synthesised (FBX, USD, Blender, C3D) say so in their first bytes.
var outputKinds = map[string]outputKind{
	"RENDER_VIDEO":         {ext: ".mp4"},
	"RENDER_OVERLAY_VIDEO": {ext: ".mp4"},
	"MAIN_FBX":             standIn(".fbx", "FBX"),
	"MAIN_USDC":            standIn(".usdc", "USDC"),
	"MAIN_USDZ":            standIn(".usdz", "USDZ"),
	"MAIN_BLEND":           standIn(".blend", "Blender"),
	"MAIN_GLB":             {ext: ".glb", content: glbFile},
	"MOTION_DATA":          {ext: ".zip", content: motionDataZip},
	"SYNC_DATA":            {ext: ".json", content: syncDataJSON},
	"ALL_FBX":              standIn(".fbx", "FBX"),
	"ALL_USDC":             standIn(".usdc", "USDC"),
	"ALL_USDZ":             standIn(".usdz", "USDZ"),
	"ALL_BLEND":            standIn(".blend", "Blender"),
	"ALL_GLB":              {ext: ".glb", content: glbFile},
	"ALL_BVH":              {ext: ".zip", content: bvhZipFile},
	"ALL_C3D":              standIn(".c3d", "C3D"),
}

// defaultOutputs is what the service makes when a job asks for none (core/contract/API.md).
var defaultOutputs = []string{
	"RENDER_VIDEO", "MAIN_FBX", "MAIN_USDC", "MAIN_USDZ", "MAIN_BLEND",
	"MOTION_DATA", "RENDER_OVERLAY_VIDEO",
}

// outputFormat is AdditionalFile.format (and the deprecated key): the output
// type in lower snake case, as the service's own fixtures show.
func outputFormat(outputType string) string { return strings.ToLower(outputType) }

const placeholderBanner = "SINGLECAM SIMULATOR OUTPUT"

// placeholder makes a text file that says it stands for a format the
// simulator cannot make.
func placeholder(format string) func(m *jobMotion) []byte {
	return func(m *jobMotion) []byte {
		return fmt.Appendf(nil, "%s\nThis is not a real %s file. The Singlecam API simulator made it "+
			"for job %s so that downloads can be tried without Move's servers.\n", placeholderBanner, format, m.jobID)
	}
}

func syncDataJSON(m *jobMotion) []byte {
	return fmt.Appendf(nil, "{\"generator\":%q,\"job\":%q,\"cameras\":[{\"deviceLabel\":\"camera\",\"offsetSeconds\":0}]}\n",
		placeholderBanner, m.jobID)
}

// motionDataZip is MOTION_DATA: per actor, the motion in the JSON layout of
// Move's public sample (positions in metres, Z up), the same motion as a
// BVH, and a note saying where it came from.
func motionDataZip(m *jobMotion) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	// Fast compression: the simulator makes this under its lock.
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed)
	})
	add := func(name string, data []byte) {
		w, err := zw.Create(name)
		if err == nil {
			_, _ = w.Write(data)
		}
	}
	add("README.txt", placeholder("Move motion data")(m))
	add("character_1.json", motionDataJSON(m))
	add("motion.bvh", bvhFile(m))
	_ = zw.Close()
	return buf.Bytes()
}
