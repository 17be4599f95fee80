/** What a session may do: a viewer looks, replays and explores; an operator also changes the plant. */
export type Role = 'viewer' | 'operator';

/** Who makes a call: the desktop app is an operator; in web mode the access token decides. */
export interface Caller {
  role: Role;
  /** Where the call came from, for the audit trail ("desktop", "web 10.0.0.7"). */
  client?: string;
}
