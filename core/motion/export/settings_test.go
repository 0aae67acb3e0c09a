package export

import "testing"

// Every bone-name choice has a title of its own: the dialog finds the
// choice back from the title it shows.
func TestEveryNameChoiceHasItsOwnTitle(t *testing.T) {
	seen := map[string]string{}
	for _, n := range NameChoices() {
		title := NameTitle(n)
		if title == "" {
			t.Errorf("%q has no title", n)
		}
		if other, dup := seen[title]; dup {
			t.Errorf("%q and %q are both shown as %q", n, other, title)
		}
		seen[title] = n
	}
}
