package server

// globalSTSRegion is the region clients sign for when they call STS's
// global endpoint (sts.amazonaws.com), which answers for every region.
const globalSTSRegion = "us-east-1"

// regionServed reports whether a request signed with auth is for the
// account's region. AWS's regional endpoints refuse a credential scoped
// to another region; without this the sandbox would answer with its one
// region's resources while the client builds ARNs for another, and fail
// later in a way that points nowhere near the cause.
func (s *Server) regionServed(auth sigV4Auth) bool {
	if s.region == "" || auth.region == s.region {
		return true
	}
	return auth.service == "sts" && auth.region == globalSTSRegion
}
