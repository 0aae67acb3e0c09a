package fix

import (
	"slices"
	"testing"

	"singlecam/core/motion"
)

// withContacts gives actor 0 of c contacts where frame f's left foot is
// down on even frames and the right foot from the middle on.
func withContacts(c *motion.Clip) *motion.Clip {
	a := c.Actors[0]
	fc := &motion.FootContacts{Left: make([]bool, a.Frames), Right: make([]bool, a.Frames)}
	for f := range a.Frames {
		fc.Left[f] = f%2 == 0
		fc.Right[f] = f >= a.Frames/2
	}
	a.Contacts = fc
	return c
}

func TestFrameChangesCarryTheFootContacts(t *testing.T) {
	c := withContacts(walk(t))
	n := c.Frames()
	src := c.Actors[0].Contacts
	dropped := DropFirstFrame(c)
	if got := dropped.Actors[0].Contacts; got == nil || !slices.Equal(got.Left, src.Left[1:]) || !slices.Equal(got.Right, src.Right[1:]) {
		t.Errorf("drop first frame: contacts %+v", got)
	}
	trimmed, err := Trim(c, 0, c.TimeOf(9))
	if err != nil {
		t.Fatal(err)
	}
	if got := trimmed.Actors[0].Contacts; got == nil || !slices.Equal(got.Left, src.Left[:10]) {
		t.Errorf("trim: contacts %+v", got)
	}
	// Twice the rate: each new frame takes the nearer source frame's contact.
	fast, err := Resample(c, 2*c.FPS)
	if err != nil {
		t.Fatal(err)
	}
	fc := fast.Actors[0].Contacts
	if fc == nil || len(fc.Left) != fast.Actors[0].Frames || len(fc.Right) != fast.Actors[0].Frames {
		t.Fatalf("resample: contacts %+v for %d frames", fc, fast.Actors[0].Frames)
	}
	for f := range fc.Left {
		want := (f+1)/2 < n && src.Left[min((f+1)/2, n-1)]
		if f%2 == 0 {
			want = src.Left[f/2]
		}
		if fc.Left[f] != want {
			t.Fatalf("resample: frame %d left contact %v, want %v", f, fc.Left[f], want)
		}
	}
	for _, out := range []*motion.Clip{dropped, trimmed, fast, InPlace(c), ZUp(c)} {
		if err := out.Validate(); err != nil {
			t.Error(err)
		}
	}
	if !slices.Equal(c.Actors[0].Contacts.Left, src.Left) || c.Actors[0].Frames != n {
		t.Error("the input changed")
	}
}
