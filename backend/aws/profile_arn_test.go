package aws

import "testing"

func TestUserProfileARNIsBuiltFromTheCallersPartitionAndAccount(t *testing.T) {
	for _, tc := range []struct{ caller, want string }{
		{"arn:aws:sts::318224574112:assumed-role/AG-HDB-DataScientist/lim-jia-hui",
			"arn:aws:sagemaker:ap-southeast-1:318224574112:user-profile/d-if3fh3aela96/lim-jia-hui"},
		{"arn:aws-us-gov:iam::123456789012:user/ops/bob",
			"arn:aws-us-gov:sagemaker:ap-southeast-1:123456789012:user-profile/d-if3fh3aela96/lim-jia-hui"},
		{"not an arn", ""},
		{"", ""},
	} {
		if got := UserProfileARN(tc.caller, "ap-southeast-1", "d-if3fh3aela96", "lim-jia-hui"); got != tc.want {
			t.Errorf("UserProfileARN(%q) = %q, want %q", tc.caller, got, tc.want)
		}
	}
}
