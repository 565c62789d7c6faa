// JSON contracts of the REST API and the hub (camelCase, see src/Sandbox.Server/Api/Contracts.cs).
export interface Address {
  name: string | null;
  address: string;
}

export interface Summary {
  id: string;
  seq: number;
  receivedAt: string;
  from: Address | null;
  to: Address[];
  subject: string | null;
  size: number;
  read: boolean;
  hasAttachments: boolean;
  snippet: string;
}

export interface MessageList {
  items: Summary[];
  total: number;
  cursor: number;
  next: number | null;
}

export interface Envelope {
  mailFrom: string;
  rcptTo: string[];
  remoteEndPoint: string | null;
  helo: string | null;
  tls: boolean;
  authUser: string | null;
  source: string;
}

export interface Attachment {
  partId: string;
  fileName: string | null;
  contentType: string;
  size: number;
  contentId: string | null;
  inline: boolean;
  sha256: string;
}

export interface Link {
  href: string;
  text: string | null;
  source: string | null;
}

export interface Message {
  id: string;
  seq: number;
  receivedAt: string;
  envelope: Envelope;
  from: Address | null;
  to: Address[];
  cc: Address[];
  bcc: string[];
  replyTo: Address[];
  subject: string | null;
  messageId: string | null;
  date: string | null;
  headers: { name: string; value: string }[];
  text: string | null;
  html: string | null;
  snippet: string;
  attachments: Attachment[];
  size: number;
  read: boolean;
  warnings: string[];
  // Added by the links/codes work; optional until then.
  links?: Link[];
  codes?: (string | { code: string; [key: string]: unknown })[];
}

export interface Stats {
  messages: number;
  unread: number;
  bytes: number;
  evictions: number;
  cursor: number;
  uidValidity: number;
}

export interface Info {
  version: string;
  messages: number;
  cursor: number;
  uidValidity: number;
}
