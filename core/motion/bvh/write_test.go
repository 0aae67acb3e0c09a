package bvh

import (
	"archive/zip"
	"bytes"
	"errors"
	"testing"

	"singlecam/core/hostile"
	"singlecam/core/motion"
)

// samePositions compares every joint's world position, matched by name, at
// every frame of every actor.
func samePositions(t *testing.T, a, b *motion.Clip, eps float64) {
	t.Helper()
	if a.Frames() != b.Frames() || len(a.Actors) != len(b.Actors) {
		t.Fatalf("frames %d/%d actors %d/%d", a.Frames(), b.Frames(), len(a.Actors), len(b.Actors))
	}
	worst := 0.0
	for k := range a.Actors {
		sa, sb := a.Actors[k].Skeleton, b.Actors[k].Skeleton
		for f := range a.Frames() {
			pa, pb := a.WorldPositions(k, f, nil), b.WorldPositions(k, f, nil)
			for i, j := range sa.Joints {
				if j.Kind == motion.End {
					continue
				}
				jb := sb.Index(j.Name)
				if jb < 0 {
					t.Fatalf("joint %q lost", j.Name)
				}
				worst = max(worst, pa[i].Sub(pb[jb]).Len())
			}
		}
	}
	if worst > eps {
		t.Errorf("positions differ by up to %g", worst)
	}
}

func TestWriteReadRoundTrip(t *testing.T) {
	src := motion.DemoClip(1, 45)
	for _, order := range []string{"ZXY", "XYZ", "YZX", "ZYX"} {
		o, _ := motion.ParseEulerOrder(order)
		var buf bytes.Buffer
		if err := Write(&buf, src, 0, Options{Order: o}); err != nil {
			t.Fatal(err)
		}
		back, err := Read(bytes.NewReader(buf.Bytes()), "demo")
		if err != nil {
			t.Fatalf("%s: %v\n%s", order, err, buf.String()[:400])
		}
		if back.FPS != src.FPS {
			t.Errorf("fps %v", back.FPS)
		}
		samePositions(t, src, back, 1e-5)
		// Written twice, the same bytes.
		var again bytes.Buffer
		Write(&again, back, 0, Options{Order: o})
		var first bytes.Buffer
		Write(&first, src, 0, Options{Order: o})
		if order == "ZXY" && !bytes.Equal(again.Bytes(), first.Bytes()) {
			t.Error("a read-back clip writes different bytes")
		}
	}
}

func TestZipRoundTrip(t *testing.T) {
	src := motion.DemoClip(3, 20)
	src.Actors[1].Name = "actor 1" // a clash, and a space
	var buf bytes.Buffer
	if err := WriteZip(&buf, src, Options{}); err != nil {
		t.Fatal(err)
	}
	back, err := ReadZip(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Actors) != 3 {
		t.Fatalf("%d actors", len(back.Actors))
	}
	// ReadZip sorts by file name, as WriteZip named them.
	zr, _ := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	if names[0] != "actor 1.bvh" || names[1] != "actor 1_2.bvh" || names[2] != "actor 3.bvh" {
		t.Errorf("names %v", names)
	}
	samePositions(t, src, back, 1e-5)
}

func TestReadZipRefusesZipsWithoutBVH(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("readme.txt")
	w.Write([]byte("hello"))
	zw.Close()
	if _, err := ReadZip(bytes.NewReader(buf.Bytes()), int64(buf.Len())); !errors.Is(err, ErrNoBVHInZip) {
		t.Errorf("got %v", err)
	}
	if _, err := ReadZip(bytes.NewReader([]byte("not a zip")), 9); err == nil {
		t.Error("no error for a file that is not a zip")
	}
	// Two actors at different rates.
	buf.Reset()
	zw = zip.NewWriter(&buf)
	for i, fps := range []float64{30, 60} {
		c := motion.DemoClip(1, 5)
		c.FPS = fps
		w, _ := zw.Create(string(rune('a'+i)) + ".bvh")
		Write(w, c, 0, Options{})
	}
	zw.Close()
	if _, err := ReadZip(bytes.NewReader(buf.Bytes()), int64(buf.Len())); err == nil {
		t.Error("actors at 30 and 60 fps read as one clip")
	}
}

func FuzzReadZip(f *testing.F) {
	for _, data := range hostile.Seeds(hostile.Motion, ".zip") { // crafted files (core/hostile)
		f.Add(data)
	}
	var buf bytes.Buffer
	WriteZip(&buf, motion.DemoClip(2, 3), Options{})
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ReadZip(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return
		}
		if err := c.Validate(); err != nil {
			t.Fatalf("ReadZip returned an invalid clip: %v", err)
		}
	})
}
