package ugcsim

import (
	"archive/zip"
	"bytes"
	"fmt"
	"math"
	"strings"
)

// outputKind says what file the service makes for one OutputType.
type outputKind struct {
	ext string // File.type as the service reports it
	// content makes the file's bytes; nil means the output is the uploaded
	// source video itself (the render videos).
	content func(jobID string) []byte
}

// outputKinds covers every OutputType of the schema. Formats that cannot
// honestly be synthesised say so in their first bytes.
var outputKinds = map[string]outputKind{
	"RENDER_VIDEO":         {ext: ".mp4"},
	"RENDER_OVERLAY_VIDEO": {ext: ".mp4"},
	"MAIN_FBX":             {".fbx", placeholder("FBX")},
	"MAIN_USDC":            {".usdc", placeholder("USDC")},
	"MAIN_USDZ":            {".usdz", placeholder("USDZ")},
	"MAIN_BLEND":           {".blend", placeholder("Blender")},
	"MAIN_GLB":             {".glb", placeholder("glTF binary")},
	"MOTION_DATA":          {".zip", motionDataZip},
	"SYNC_DATA":            {".json", syncDataJSON},
	"ALL_FBX":              {".fbx", placeholder("FBX")},
	"ALL_USDC":             {".usdc", placeholder("USDC")},
	"ALL_USDZ":             {".usdz", placeholder("USDZ")},
	"ALL_BLEND":            {".blend", placeholder("Blender")},
	"ALL_GLB":              {".glb", placeholder("glTF binary")},
	"ALL_BVH":              {".bvh", func(string) []byte { return skeletonBVH() }},
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

func placeholder(format string) func(jobID string) []byte {
	return func(jobID string) []byte {
		return fmt.Appendf(nil, "%s\nThis is not a real %s file. The Singlecam API simulator made it "+
			"for job %s so that downloads can be tried without Move's servers.\n", placeholderBanner, format, jobID)
	}
}

func syncDataJSON(jobID string) []byte {
	return fmt.Appendf(nil, "{\"generator\":%q,\"job\":%q,\"cameras\":[{\"deviceLabel\":\"camera\",\"offsetSeconds\":0}]}\n",
		placeholderBanner, jobID)
}

// motionDataZip holds the skeleton's animation as BVH and as a CSV of joint
// rotations, plus a note saying where it came from.
func motionDataZip(jobID string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name string, data []byte) {
		w, err := zw.Create(name)
		if err == nil {
			_, _ = w.Write(data)
		}
	}
	add("README.txt", placeholder("Move motion data")(jobID))
	add("motion.bvh", skeletonBVH())
	add("motion.csv", skeletonCSV())
	_ = zw.Close()
	return buf.Bytes()
}

// A small humanoid skeleton that waves its arms and bobs, 2 s at 30 fps.
const (
	bvhFrames = 60
	bvhFPS    = 30
)

type bvhJoint struct {
	name     string
	offset   [3]float64
	children []bvhJoint
}

var skeleton = bvhJoint{"Hips", [3]float64{0, 95, 0}, []bvhJoint{
	{"Spine", [3]float64{0, 10, 0}, []bvhJoint{
		{"Chest", [3]float64{0, 15, 0}, []bvhJoint{
			{"Neck", [3]float64{0, 20, 0}, []bvhJoint{{"Head", [3]float64{0, 10, 0}, nil}}},
			{"LeftArm", [3]float64{15, 18, 0}, []bvhJoint{{"LeftForeArm", [3]float64{28, 0, 0}, nil}}},
			{"RightArm", [3]float64{-15, 18, 0}, []bvhJoint{{"RightForeArm", [3]float64{-28, 0, 0}, nil}}},
		}},
	}},
	{"LeftUpLeg", [3]float64{9, 0, 0}, []bvhJoint{{"LeftLeg", [3]float64{0, -45, 0}, nil}}},
	{"RightUpLeg", [3]float64{-9, 0, 0}, []bvhJoint{{"RightLeg", [3]float64{0, -45, 0}, nil}}},
}}

func skeletonBVH() []byte {
	var b strings.Builder
	b.WriteString("HIERARCHY\n")
	joints := writeBVHJoint(&b, skeleton, 0, true)
	fmt.Fprintf(&b, "MOTION\nFrames: %d\nFrame Time: %.6f\n", bvhFrames, 1.0/bvhFPS)
	for f := 0; f < bvhFrames; f++ {
		values := []string{"0.00", fmt.Sprintf("%.2f", 95+2*math.Sin(phase(f))), "0.00"}
		for _, name := range joints {
			z, x, y := jointRotation(name, f)
			values = append(values, fmt.Sprintf("%.2f", z), fmt.Sprintf("%.2f", x), fmt.Sprintf("%.2f", y))
		}
		b.WriteString(strings.Join(values, " ") + "\n")
	}
	return []byte(b.String())
}

// writeBVHJoint writes one joint and its children; it returns the joint
// names in the order their channels appear in each motion line.
func writeBVHJoint(b *strings.Builder, j bvhJoint, depth int, root bool) []string {
	indent := strings.Repeat("  ", depth)
	kind := "JOINT"
	if root {
		kind = "ROOT"
	}
	fmt.Fprintf(b, "%s%s %s\n%s{\n", indent, kind, j.name, indent)
	fmt.Fprintf(b, "%s  OFFSET %.2f %.2f %.2f\n", indent, j.offset[0], j.offset[1], j.offset[2])
	if root {
		fmt.Fprintf(b, "%s  CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation\n", indent)
	} else {
		fmt.Fprintf(b, "%s  CHANNELS 3 Zrotation Xrotation Yrotation\n", indent)
	}
	names := []string{j.name}
	for _, c := range j.children {
		names = append(names, writeBVHJoint(b, c, depth+1, false)...)
	}
	if len(j.children) == 0 {
		fmt.Fprintf(b, "%s  End Site\n%s  {\n%s    OFFSET 0.00 5.00 0.00\n%s  }\n", indent, indent, indent, indent)
	}
	fmt.Fprintf(b, "%s}\n", indent)
	return names
}

func phase(frame int) float64 { return 2 * math.Pi * float64(frame) / bvhFrames }

func jointRotation(name string, frame int) (z, x, y float64) {
	s := math.Sin(phase(frame))
	switch name {
	case "LeftArm":
		return -60 + 40*s, 0, 0
	case "RightArm":
		return 60 - 40*s, 0, 0
	case "LeftForeArm", "RightForeArm":
		return 0, 0, 20 * s
	case "LeftUpLeg":
		return 0, 15 * s, 0
	case "RightUpLeg":
		return 0, -15 * s, 0
	case "Head":
		return 0, 0, 10 * s
	}
	return 0, 0, 0
}

func skeletonCSV() []byte {
	var b strings.Builder
	b.WriteString("frame,time,joint,zrot,xrot,yrot\n")
	for f := 0; f < bvhFrames; f++ {
		for _, name := range []string{"LeftArm", "RightArm", "LeftUpLeg", "RightUpLeg", "Head"} {
			z, x, y := jointRotation(name, f)
			fmt.Fprintf(&b, "%d,%.4f,%s,%.2f,%.2f,%.2f\n", f, float64(f)/bvhFPS, name, z, x, y)
		}
	}
	return []byte(b.String())
}
