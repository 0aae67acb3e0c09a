package retarget

import (
	"context"
	"testing"

	"singlecam/core/motion/rigs"
	"singlecam/core/motion/synth"
)

// BenchmarkRetarget60s120fps puts a minute of walking at 120 fps (7,201
// frames of Move One's 41 joints) on a character with other proportions,
// names and rest pose: what Apply to a character… recomputes on every change
// of the bone match.
func BenchmarkRetarget60s120fps(b *testing.B) {
	src, err := synth.Clip(rigs.Move(), synth.Options{Kind: synth.Walk, FPS: 120, Seconds: 60})
	if err != nil {
		b.Fatal(err)
	}
	skel := aPose(longLegs(b), "DEF-upper_arm.L", "DEF-upper_arm.R")
	m := NewMatch(skel, nil, src.Actors[0].Skeleton)
	b.ReportAllocs()
	for b.Loop() {
		out, err := Clip(src, skel, m)
		if err != nil || out.Frames() != src.Frames() {
			b.Fatal(err)
		}
	}
}

// BenchmarkRetargetOnCesiumMan60s120fps is the same minute put on the real
// CesiumMan, grounded by the soles of its mesh (Contacts: 139 vertices a
// frame) as Save and the window's player do.
func BenchmarkRetargetOnCesiumMan60s120fps(b *testing.B) {
	src, err := synth.Clip(rigs.Move(), synth.Options{Kind: synth.Walk, FPS: 120, Seconds: 60})
	if err != nil {
		b.Fatal(err)
	}
	ch, err := OpenCharacter(context.Background(), "../roles/testdata/CesiumMan.gltf")
	if err != nil {
		b.Fatal(err)
	}
	m := ch.Match(src.Actors[0].Skeleton)
	ch.Contacts() // found once per character, when it is opened
	b.ReportAllocs()
	for b.Loop() {
		out, err := ch.Retarget(src, m)
		if err != nil || out.Frames() != src.Frames() {
			b.Fatal(err)
		}
	}
}
