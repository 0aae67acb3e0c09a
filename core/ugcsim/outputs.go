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
}

// outputKinds covers every OutputType of the schema. GLB and BVH are real
// motion files on Move One's rig; formats that cannot honestly be
// synthesised (FBX, USD, Blender, C3D) say so in their first bytes.
var outputKinds = map[string]outputKind{
	"RENDER_VIDEO":         {ext: ".mp4"},
	"RENDER_OVERLAY_VIDEO": {ext: ".mp4"},
	"MAIN_FBX":             {".fbx", placeholder("FBX")},
	"MAIN_USDC":            {".usdc", placeholder("USDC")},
	"MAIN_USDZ":            {".usdz", placeholder("USDZ")},
	"MAIN_BLEND":           {".blend", placeholder("Blender")},
	"MAIN_GLB":             {".glb", glbFile},
	"MOTION_DATA":          {".zip", motionDataZip},
	"SYNC_DATA":            {".json", syncDataJSON},
	"ALL_FBX":              {".fbx", placeholder("FBX")},
	"ALL_USDC":             {".usdc", placeholder("USDC")},
	"ALL_USDZ":             {".usdz", placeholder("USDZ")},
	"ALL_BLEND":            {".blend", placeholder("Blender")},
	"ALL_GLB":              {".glb", glbFile},
	"ALL_BVH":              {".zip", bvhZipFile},
	"ALL_C3D":              {".c3d", placeholder("C3D")},
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
