package clean

import (
	"testing"

	"singlecam/core/motion/rigs"
	"singlecam/core/motion/synth"
)

// TestTheDemoWalkHoldsTheWords: the demo's own clip (synth's walk on Move's
// rig, 30 fps, 3 s after its T-pose frame) is the first a user previews,
// under the words "Lock: planted feet stay put". Its feet slide back about
// 24 cm through each stance by design (its hips go forward at 1.3 m/s, its
// legs swing faster), so each foot is slow, and planted, only where a
// stride turns: two frames landing toes up, three leaving on the ball.
// Lock and Auto (the walk goes forward, so it is no cycle in place) hold
// those planted feet: foot skate was 35.9 → 13.6 cm/s in lock mode and
// 31.0 in auto, with "planted" feet up to 10.6 and 12.8 cm above the floor
// (the heel-down ankle was read from planted frames that hold no heel
// down, 0.3 cm below the toes, and a contact ran from the T-pose frame into
// the motion); now both are 35.9 → 2.1 cm/s and −0.0…+0.7 cm.
func TestTheDemoWalkHoldsTheWords(t *testing.T) {
	c, err := synth.Clip(rigs.Move(), synth.Options{Kind: synth.Walk, FPS: 30, Seconds: 3})
	if err != nil {
		t.Fatal(err)
	}
	for _, feet := range []Feet{Lock, Auto} {
		t.Run(string(feet), func(t *testing.T) {
			res, err := Clean(t.Context(), c, Bodies(c), Options{Feet: feet, Smooth: Default.Smooth})
			if err != nil {
				t.Fatal(err)
			}
			r := res.Actors[0]
			b, a := r.Before, r.After
			t.Logf("skate %.1f → %.1f cm/s, planted %+.1f…%+.1f → %+.1f…%+.1f cm, jitter %.0f → %.0f m/s³, lowest %+.1f → %+.1f cm",
				b.Skate, a.Skate, b.PlantedLow, b.PlantedHigh, a.PlantedLow, a.PlantedHigh, b.Jitter, a.Jitter, b.Lowest, a.Lowest)
			if r.InPlace {
				t.Error("a walk going forward at 1.3 m/s is said to be a cycle in place")
			}
			if a.Skate > 0.1*b.Skate || a.Skate > 3 {
				t.Errorf("planted feet slide %.1f → %.1f cm/s", b.Skate, a.Skate)
			}
			if a.PlantedLow < -1 || a.PlantedHigh > 1 || a.Lowest < -1 {
				t.Errorf("planted feet stand %+.1f…%+.1f cm from the floor, the lowest foot %+.1f cm", a.PlantedLow, a.PlantedHigh, a.Lowest)
			}
			if w := r.Worse(); len(w) != 0 {
				t.Errorf("Worse says %+v", w)
			}
			if r.Contacts.Left[0] || r.Contacts.Right[0] {
				t.Error("the T-pose frame is planted")
			}
		})
	}
	// CesiumMan's walk is a cycle in place: auto leaves its feet as they are.
	cm := cesium(t)
	res, err := Clean(t.Context(), cm.clip, []*Body{cm.body}, Default)
	if err != nil {
		t.Fatal(err)
	}
	if r := res.Actors[0]; !r.InPlace || r.After.Skate < 0.9*r.Before.Skate {
		t.Errorf("CesiumMan: in place %v, skate %.1f → %.1f cm/s", r.InPlace, r.Before.Skate, r.After.Skate)
	}
}
