package words

import "testing"

func TestQuote(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{Quote("iphone"), "“iphone”"},
		{Quote(""), "“”"},
		{Quote("a/b"), "“a/b”"},
		{QuoteFile("/home/me/Videos/clip.mp4"), "“clip.mp4”"},
		{QuoteFile("clip.mp4"), "“clip.mp4”"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %s, want %s", tc.got, tc.want)
		}
	}
}
