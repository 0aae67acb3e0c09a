package clean

import (
	"io"
	"math"
	"os"
	"path/filepath"
	"testing"

	"singlecam/core/motion"
	"singlecam/core/motion/fix"
	"singlecam/core/motion/retarget"
	"singlecam/core/motion/roles/rolestest"
)

// TestRetargetAndCleanKeepFeetOnTheFloor: CMU's capture put on a Mixamo
// character exported from Blender (an Armature node turned 90° and scaled
// 0.01 above bones in centimetres), cleaned before and after retargeting:
// either way the character's planted feet stand on its floor (height 0:
// within 1.5 cm when the retargeter has the last word, exactly when
// clean-up has), no foot goes more than 1 cm below it, and cleaning after
// retargeting takes 80 % of the character's foot skate off.
func TestRetargetAndCleanKeepFeetOnTheFloor(t *testing.T) {
	c := cmu(t)
	src, err := fix.Trim(c.clip, 0, c.clip.Duration()/3)
	if err != nil {
		t.Fatal(err)
	}
	src.MetresPerUnit = c.body.MetresPerUnit
	char := rolestest.Build(rolestest.Mixamo, rolestest.Options{Armature: true}).Skeleton
	onCharacter := func(clip *motion.Clip) *motion.Clip {
		t.Helper()
		m := retarget.NewMatch(char, nil, clip.Actors[0].Skeleton)
		out, err := retarget.Clip(clip, char, m)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	// tol is how far from the floor planted feet may stand: after the
	// retargeter (which stands the character's lowest point of the whole
	// clip on the floor, and its toes are not the capture's) about a
	// centimetre; after clean-up, none.
	standing := func(name string, clip *motion.Clip, tol float64) Report {
		t.Helper()
		b := Bodies(clip)[0]
		if b == nil {
			t.Fatalf("%s: the character's legs are not found", name)
		}
		res, err := Clean(t.Context(), clip, []*Body{b}, Options{Feet: Off})
		if err != nil {
			t.Fatal(err)
		}
		r := res.Actors[0]
		ps := worldPositions(clip.Actors[0])
		g := findGround(clip.Actors[0].Skeleton, ps, b, [2][]bool{r.Contacts.Left, r.Contacts.Right})
		floor := g.floor * b.MetresPerUnit * 100
		t.Logf("%s: floor at %+.2f cm, lowest foot %+.2f cm, skate %.2f cm/s", name, floor, r.Before.Lowest+floor, r.Before.Skate)
		if floor < -tol || floor > tol {
			t.Errorf("%s: the planted feet stand at %+.2f cm, not on the floor", name, floor)
		}
		if r.Before.Lowest+floor < -1 {
			t.Errorf("%s: a foot goes %.2f cm below the floor", name, r.Before.Lowest+floor)
		}
		return r
	}

	cleaned, err := Run(t.Context(), src, Default)
	if err != nil {
		t.Fatal(err)
	}
	standing("clean, then retarget", onCharacter(cleaned.Clip), 1.5)

	moved := onCharacter(src)
	before := standing("retarget only", moved, 5)
	after, err := Run(t.Context(), moved, Default)
	if err != nil {
		t.Fatal(err)
	}
	r := standing("retarget, then clean", after.Clip, 0.1)
	if r.Before.Skate > 0.2*before.Before.Skate {
		t.Errorf("cleaning the character: skate %.2f → %.2f cm/s", before.Before.Skate, r.Before.Skate)
	}
}

// TestCleanStandsACharacterOnItsSoles: CMU's capture put on CesiumMan, then
// cleaned with the soles of CesiumMan's mesh (as `singlecam clean` does with
// a character file): on every contact the mesh's lowest point under the
// planted foot stands on the floor (median within 0.5 cm), where cleaning by
// the joints alone leaves it through the floor by the depth of the toe joint
// inside the foot.
func TestCleanStandsACharacterOnItsSoles(t *testing.T) {
	data, err := io.ReadAll(openGz(t, "CesiumMan.gltf.gz"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "CesiumMan.gltf")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	ch, err := retarget.OpenCharacter(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	c := cmu(t)
	src, err := fix.Trim(c.clip, 0, c.clip.Duration()/3)
	if err != nil {
		t.Fatal(err)
	}
	moved, err := ch.Retarget(src, ch.Match(src.Actors[0].Skeleton))
	if err != nil {
		t.Fatal(err)
	}
	b := Bodies(moved)[0]
	if b == nil {
		t.Fatal("CesiumMan's legs are not found")
	}
	b.Soles = b.SolesOf(ch.Skeleton(), ch.Contacts())
	if len(b.Soles[0]) == 0 || len(b.Soles[1]) == 0 {
		t.Fatalf("soles %d and %d", len(b.Soles[0]), len(b.Soles[1]))
	}
	bare := *b
	bare.Soles = [2][]Sole{}
	for _, tc := range []struct {
		name string
		body *Body
		on   bool // whether the mesh stands on the floor
	}{{"by its soles", b, true}, {"by its joints", &bare, false}} {
		res, err := Clean(t.Context(), moved, []*Body{tc.body}, Default)
		if err != nil {
			t.Fatal(err)
		}
		r := res.Actors[0]
		ps := worldPositionsOf(res.Clip.Actors[0], b) // the mesh's soles, whichever body cleaned it
		worst := 0.0
		for i := range 2 {
			for _, run := range runs([2][]bool{r.Contacts.Left, r.Contacts.Right}[i]) {
				var lows []float64
				for f := run[0]; f < run[1]; f++ {
					lows = append(lows, lowestSole(ps, f, b.Legs()[i], soles(res.Clip.Actors[0].Skeleton, b, i), b.Up, 0)*b.MetresPerUnit*100)
				}
				if m := median(lows); math.Abs(m) > math.Abs(worst) {
					worst = m
				}
			}
		}
		t.Logf("%s: planted soles stand up to %+.2f cm from the floor; numbers %+v", tc.name, worst, r.After)
		if on := math.Abs(worst) <= 0.5; on != tc.on {
			t.Errorf("%s: a planted sole stands %+.2f cm from the floor", tc.name, worst)
		}
	}
}
