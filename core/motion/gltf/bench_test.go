package gltf

import (
	"bytes"
	"math"
	"runtime"
	"testing"

	"singlecam/core/motion"
)

// longClip is 60 s at 120 fps of a 60-joint chain: every joint rotates on
// every frame and the root also moves, as a mocap export does.
func longClip() *motion.Clip {
	const joints, frames = 60, 60 * 120
	s := &motion.Skeleton{}
	a := &motion.Actor{Name: "long", Skeleton: s, Frames: frames}
	for j := range joints {
		rest := motion.Rest
		rest.T = motion.Vec3{Y: 0.05}
		s.Joints = append(s.Joints, motion.Joint{Name: "j", Parent: j - 1, Rest: rest})
		tr := motion.Track{R: make([]motion.Quat, frames)}
		for f := range tr.R {
			tr.R[f] = motion.AxisAngle(motion.Vec3{X: 1, Y: float64(j % 3), Z: 1}, math.Sin(float64(f+j)/50))
		}
		if j == 0 {
			tr.T = make([]motion.Vec3, frames)
			for f := range tr.T {
				tr.T[f] = motion.Vec3{Z: float64(f) / 120}
			}
		}
		a.Tracks = append(a.Tracks, tr)
	}
	return &motion.Clip{FPS: 120, Actors: []*motion.Actor{a}}
}

// BenchmarkRead60s120fps60Joints loads a 60 s, 120 fps, 60-joint GLB. It
// reports the bytes allocated per load (B/op) and the heap in use after the
// load with the clip alive (live-MB).
func BenchmarkRead60s120fps60Joints(b *testing.B) {
	var buf bytes.Buffer
	if err := Write(&buf, longClip()); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	var live float64
	for b.Loop() {
		f, err := Read(bytes.NewReader(data), int64(len(data)), Options{Animation: -1})
		if err != nil {
			b.Fatal(err)
		}
		if f.Clip.Frames() != 7200 {
			b.Fatalf("%d frames", f.Clip.Frames())
		}
		b.StopTimer()
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		live = max(live, float64(ms.HeapAlloc)/1e6)
		runtime.KeepAlive(f)
		b.StartTimer()
	}
	b.ReportMetric(live, "live-MB")
	b.ReportMetric(float64(len(data))/1e6, "file-MB")
}
