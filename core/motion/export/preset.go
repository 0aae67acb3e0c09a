// Package export turns a motion into files that import cleanly into a
// tool: presets (short tables of settings for Blender, Unity, Unreal Engine,
// Mixamo, VRM, and "raw"), applying a preset's settings to a clip with the
// transformations of motion/fix, and writing the results beside the source
// without ever overwriting a file.
package export

import (
	"fmt"
	"strings"

	"singlecam/core/motion/clean"
)

// Format is a file format an export writes.
type Format string

// The formats.
const (
	GLB Format = "glb"
	BVH Format = "bvh"
	// VRMA is a VRM Animation: a GLB of nodes named by VRM humanoid role,
	// with the VRMC_vrm_animation extension; it needs VRM bone names.
	VRMA Format = "vrma"
)

// Settings is what an export does to a motion. The zero value changes
// nothing but the format (the source's).
type Settings struct {
	// Names is how bones are named: "" keeps every name as it is, "plain"
	// strips a namespace prefix such as Move One's "_1:", and the name of a
	// rig map (mixamo, ue5, unity, vrm) strips the prefix and renames Move
	// One's humanoid bones to the map's names. Bones the map does not name
	// keep their (plain) names.
	Names string
	// DropTPose removes the first frame, Move One's T-pose.
	DropTPose bool
	// Up is the up axis: "y" or "z" ("" is y). The source is taken to be Y
	// up, as Move's files and glTF are. GLB is always Y up (glTF's rule).
	Up string
	// Units is the length unit: "m" or "cm", or "" for the source's. GLB is
	// always in metres.
	Units string
	// FPS is the frame rate to resample to; 0 keeps the source's.
	FPS float64
	// InPlace removes the root's horizontal travel, keeping its height.
	InPlace bool
	// Format is the file format; "" writes the source's (GLB for glTF, BVH
	// for BVH and ZIPs of BVHs).
	Format Format
	// Clean is the clean-up (feet, smoothing) run before the frame rate
	// changes; its zero value runs none.
	Clean clean.Options
}

// Preset is a named table of settings for one tool.
type Preset struct {
	// Name is how the CLI and file names call it: "blender".
	Name string
	// Title is how the app shows it: "Blender".
	Title string
	// Why says in a sentence what the settings are for.
	Why string
	Settings
}

// Custom is the name of the preset whose settings a user chooses.
const Custom = "custom"

// presets is the table the README documents; a test keeps both in step.
var presets = []Preset{
	{"blender", "Blender", "Plain bone names, at 24 fps: a new Blender scene's rate, so keys land on frames; Blender's glTF importer turns glTF's Y up into its Z up.",
		Settings{Names: "plain", DropTPose: true, Up: "y", Units: "m", FPS: 24, Format: GLB}},
	{"unity", "Unity", "Unity's Humanoid bone names, so the avatar maps itself; Unity is Y up in metres, like glTF.",
		Settings{Names: "unity", DropTPose: true, Up: "y", Units: "m", Format: GLB}},
	{"unreal", "Unreal Engine", "The UE5 mannequin's bone names (root, pelvis, spine_01…), at 30 fps, a new Level Sequence's rate; Unreal's glTF importer turns metres and Y up into its centimetres and Z up.",
		Settings{Names: "ue5", DropTPose: true, Up: "y", Units: "m", FPS: 30, Format: GLB}},
	{"mixamo", "Mixamo", "mixamorig: bone names, in centimetres at 30 fps as Mixamo's own animations are, as BVH for tools that retarget Mixamo motion.",
		Settings{Names: "mixamo", DropTPose: true, Up: "y", Units: "cm", FPS: 30, Format: BVH}},
	{"vrm", "VRM", "VRM 1.0's humanoid bone names (hips, leftUpperArm…), in a GLB, the container VRM avatars and animations use; --to vrma writes a VRM Animation that VRM tools play on any avatar.",
		Settings{Names: "vrm", DropTPose: true, Up: "y", Units: "m", Format: GLB}},
	{"raw", "Raw", "Move's file as it is, T-pose and names included, in the source's format: a starting point for Custom.",
		Settings{Names: "", DropTPose: false}},
}

// Presets returns every preset, in the order the app lists them.
func Presets() []Preset { return append([]Preset(nil), presets...) }

// PresetNames lists the presets' names.
func PresetNames() []string {
	var out []string
	for _, p := range presets {
		out = append(out, p.Name)
	}
	return out
}

// Lookup returns the preset called name (any case). "custom" is Raw's
// settings under the name Custom, for a user to change.
func Lookup(name string) (Preset, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	for _, p := range presets {
		if p.Name == n {
			return p, nil
		}
	}
	if n == Custom {
		p := presets[len(presets)-1]
		p.Name, p.Title, p.Why = Custom, "Custom", "Settings of your choice."
		return p, nil
	}
	return Preset{}, fmt.Errorf("there is no preset %q: choose one of %s or %s", name, strings.Join(PresetNames(), ", "), Custom)
}
