package media

import (
	"fmt"
	"testing"
)

func TestPair(t *testing.T) {
	for _, tc := range []struct {
		in                     []string
		takes, orphans, refuse string
	}{
		{[]string{"/a/Jump.MP4", "/a/jump.move"}, "[{/a/Jump.MP4 /a/jump.move}]", "[]", "[]"},
		{[]string{"/a/Jump.mp4", "/b/other.move"}, "[{/a/Jump.mp4 /b/other.move}]", "[]", "[]"},
		{[]string{"/a/1.mp4", "/a/2.mov", "/a/3.avi", "/a/2.move"}, "[{/a/1.mp4 } {/a/2.mov /a/2.move} {/a/3.avi }]", "[]", "[]"},
		{[]string{"/a/1.mp4", "/a/2.mov", "/a/x.move"}, "[{/a/1.mp4 } {/a/2.mov }]", "[/a/x.move]", "[]"},
		{[]string{"/a/notes.pdf", "/a/only.move"}, "[]", "[/a/only.move]", "[/a/notes.pdf]"},
	} {
		takes, orphans, refused := Pair(tc.in)
		if fmt.Sprint(takes) != tc.takes || fmt.Sprint(orphans) != tc.orphans || fmt.Sprint(refused) != tc.refuse {
			t.Errorf("Pair(%v) = %v %v %v", tc.in, takes, orphans, refused)
		}
	}
}
