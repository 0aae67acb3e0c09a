package load

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"singlecam/core/motion/load/loadtest"
	"singlecam/core/motion/roles"
)

// TestEveryCaseOpensUprightAtHumanHeight opens each built case and the
// real CMU capture: each stands along +Y, 1.4 to 2.1 m tall, with its up
// axis and unit found.
func TestEveryCaseOpensUprightAtHumanHeight(t *testing.T) {
	dir := t.TempDir()
	type want struct {
		name, up string
		mpu      float64
	}
	var paths []string
	var wants []want
	cmu := ""
	for _, f := range loadtest.Files(t) {
		p := filepath.Join(dir, f.Name)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
		wants = append(wants, want{f.Name, f.Up, f.MetresPerUnit})
	}
	for _, f := range loadtest.Corpus(t) {
		if strings.HasSuffix(f.Name, ".bvh") {
			p := filepath.Join(dir, f.Name)
			if err := os.WriteFile(p, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			cmu = p
		}
	}
	paths = append(paths, cmu)
	wants = append(wants, want{"cmu", "Y", 0})
	for i, p := range paths {
		w := wants[i]
		m, err := Open(context.Background(), p, -1)
		if err != nil {
			t.Fatalf("%s: %v", w.name, err)
		}
		if m.Space.Up != w.up || (w.mpu > 0 && math.Abs(m.Space.MetresPerUnit-w.mpu) > 1e-9) {
			t.Errorf("%s: found %s, want %s up at %g m per unit", w.name, m.Space.Describe(), w.up, w.mpu)
		}
		h, err := roles.Find(m.Clip.Actors[0].Skeleton)
		if err != nil {
			t.Fatalf("%s: %v", w.name, err)
		}
		if h.Up.Y < 0.95 {
			t.Errorf("%s: the spine points %v after opening", w.name, h.Up)
		}
		if height := h.Height * m.Clip.MetresPerUnit; height < 1.4 || height > 2.1 {
			t.Errorf("%s: %.2f m tall", w.name, height)
		}
		t.Logf("%s: %s, %.2f m tall, notes %q", w.name, m.Space.Describe(), m.Space.Height, m.Notes)
	}
}

func TestToldSpaceWins(t *testing.T) {
	p := filepath.Join(t.TempDir(), "cmu.bvh")
	for _, f := range loadtest.Corpus(t) {
		if strings.HasSuffix(f.Name, ".bvh") {
			if err := os.WriteFile(p, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	m, err := OpenWith(context.Background(), p, Options{Animation: -1, Scale: 0.056444})
	if err != nil {
		t.Fatal(err)
	}
	if m.Clip.MetresPerUnit != 0.056444 || m.Space.UnitsFound {
		t.Errorf("told 0.056444 m per unit, got %v", m.Space)
	}
	m, err = OpenWith(context.Background(), p, Options{Animation: -1, Units: "cm", Up: "z"})
	if err != nil {
		t.Fatal(err)
	}
	if m.Space.Up != "Z" || m.Clip.MetresPerUnit != 0.01 || m.Space.UpFound {
		t.Errorf("told Z up in cm, got %+v", m.Space)
	}
	for _, o := range []Options{{Units: "furlong"}, {Up: "x"}, {Scale: -1}} {
		if _, err := OpenWith(context.Background(), p, o); err == nil {
			t.Errorf("%+v opened", o)
		}
	}
}
