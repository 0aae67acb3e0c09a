package earlyenv

import "testing"

func TestNeedsLanguage(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want bool
	}{
		{map[string]string{"LANG": "C.UTF-8"}, true},
		{map[string]string{"LANG": "C.utf8"}, true},
		{map[string]string{"LANG": "POSIX.UTF-8"}, true},
		{map[string]string{"LC_ALL": "C.UTF-8", "LANG": "en_GB.UTF-8"}, true},
		{map[string]string{"LC_MESSAGES": "C.UTF-8"}, true},
		{map[string]string{"LANG": "C"}, false},
		{map[string]string{"LANG": "POSIX"}, false},
		{map[string]string{}, false},
		{map[string]string{"LANG": "en_GB.UTF-8"}, false},
		{map[string]string{"LANG": "de_DE@euro"}, false},
		{map[string]string{"LC_ALL": "fr_FR.UTF-8", "LANG": "C.UTF-8"}, false},
		{map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "fr"}, false},
	} {
		getenv := func(k string) string { return tc.env[k] }
		if got := NeedsLanguage(getenv); got != tc.want {
			t.Errorf("NeedsLanguage(%v) = %v, want %v", tc.env, got, tc.want)
		}
	}
}
