// The platform's default templates (tenant_id null), seeded per event, channel and locale. A tenant
// overrides any of them with its own row. Email subjects are plain text: render them like SMS
// (no HTML escaping) and validate them with channel "sms". French SMS bodies avoid ç/ê/â/î/ô/û,
// which are outside GSM-7 and would switch the message to UCS-2 (70 chars a segment, not 160).
import type { DomainEventName } from "@/lib/events/schemas";
import type { PlatformEventName } from "./platform-events";
import type { TemplateChannel } from "./render";

export type DefaultTemplate = {
  event: DomainEventName | PlatformEventName;
  channel: TemplateChannel;
  locale: "en" | "fr";
  subject?: string;
  body: string;
};

const guestTemplates: DefaultTemplate[] = [
  {
    event: "hotel/booking.confirmed",
    channel: "sms",
    locale: "en",
    body: '{{tenant.name}}: Hi {{guest.name}}, your booking {{booking.reference}} is confirmed. Check-in {{formatDate booking.checkIn}}, {{booking.nights}} {{pluralize booking.nights "night" "nights"}}, total {{money booking.totalMinor booking.currency}}.',
  },
  {
    event: "hotel/booking.confirmed",
    channel: "sms",
    locale: "fr",
    body: '{{tenant.name}} : Bonjour {{guest.name}}, votre réservation {{booking.reference}} est confirmée. Arrivée le {{formatDate booking.checkIn}}, {{booking.nights}} {{pluralize booking.nights "nuit" "nuits"}}, total {{money booking.totalMinor booking.currency}}.',
  },
  {
    event: "hotel/booking.confirmed",
    channel: "email",
    locale: "en",
    subject: "Your booking {{booking.reference}} at {{tenant.name}} is confirmed",
    body: `<p>Dear {{guest.name}},</p>
<p>Thank you for booking with {{tenant.name}}. Your reservation is confirmed.</p>
<ul>
  <li>Reference: <strong>{{booking.reference}}</strong></li>
  <li>Check-in: {{formatDate booking.checkIn "full"}}</li>
  <li>Check-out: {{formatDate booking.checkOut "full"}}</li>
  <li>{{booking.nights}} {{pluralize booking.nights "night" "nights"}}, {{booking.adults}} {{pluralize booking.adults "adult" "adults"}}</li>
  <li>Room: {{room.type}}</li>
  <li>Total: {{money booking.totalMinor booking.currency}}</li>
</ul>
<p>We look forward to welcoming you.</p>`,
  },
  {
    event: "hotel/booking.confirmed",
    channel: "email",
    locale: "fr",
    subject: "Votre réservation {{booking.reference}} chez {{tenant.name}} est confirmée",
    body: `<p>Bonjour {{guest.name}},</p>
<p>Merci d'avoir choisi {{tenant.name}}. Votre réservation est confirmée.</p>
<ul>
  <li>Référence : <strong>{{booking.reference}}</strong></li>
  <li>Arrivée : {{formatDate booking.checkIn "full"}}</li>
  <li>Départ : {{formatDate booking.checkOut "full"}}</li>
  <li>{{booking.nights}} {{pluralize booking.nights "nuit" "nuits"}}, {{booking.adults}} {{pluralize booking.adults "adulte" "adultes"}}</li>
  <li>Chambre : {{room.type}}</li>
  <li>Total : {{money booking.totalMinor booking.currency}}</li>
</ul>
<p>Au plaisir de vous accueillir.</p>`,
  },
  {
    event: "hotel/guest.checked_in",
    channel: "sms",
    locale: "en",
    body: "Welcome to {{tenant.name}}, {{guest.name}}! You are in room {{room.number}}. Check-out is on {{formatDate booking.checkOut}}. Reply or call reception for anything you need.",
  },
  {
    event: "hotel/guest.checked_in",
    channel: "sms",
    locale: "fr",
    body: "Bienvenue chez {{tenant.name}}, {{guest.name}} ! Votre chambre est la {{room.number}}. Départ le {{formatDate booking.checkOut}}. La réception est à votre disposition.",
  },
  {
    event: "hotel/guest.checked_in",
    channel: "email",
    locale: "en",
    subject: "Welcome to {{tenant.name}}",
    body: `<p>Welcome, {{guest.name}}!</p>
<p>You are staying in room <strong>{{room.number}}</strong> ({{room.type}}) until {{formatDate booking.checkOut "full"}}.</p>
<p>Reception is here for anything you need during your stay.</p>`,
  },
  {
    event: "hotel/guest.checked_in",
    channel: "email",
    locale: "fr",
    subject: "Bienvenue chez {{tenant.name}}",
    body: `<p>Bienvenue, {{guest.name}} !</p>
<p>Vous séjournez en chambre <strong>{{room.number}}</strong> ({{room.type}}) jusqu'au {{formatDate booking.checkOut "full"}}.</p>
<p>La réception reste à votre disposition pendant tout votre séjour.</p>`,
  },
  {
    event: "hotel/guest.checked_out",
    channel: "sms",
    locale: "en",
    body: "Thank you for staying at {{tenant.name}}, {{guest.name}}. We hope to see you again soon. Booking {{booking.reference}}.",
  },
  {
    event: "hotel/guest.checked_out",
    channel: "sms",
    locale: "fr",
    body: "Merci pour votre séjour chez {{tenant.name}}, {{guest.name}}. Nous espérons vous revoir très vite. Réservation {{booking.reference}}.",
  },
  {
    event: "hotel/guest.checked_out",
    channel: "email",
    locale: "en",
    subject: "Thank you for staying at {{tenant.name}}",
    body: `<p>Dear {{guest.name}},</p>
<p>Thank you for staying with us ({{booking.nights}} {{pluralize booking.nights "night" "nights"}}, booking {{booking.reference}}).</p>
<p>We hope to welcome you back soon.</p>`,
  },
  {
    event: "hotel/guest.checked_out",
    channel: "email",
    locale: "fr",
    subject: "Merci pour votre séjour chez {{tenant.name}}",
    body: `<p>Bonjour {{guest.name}},</p>
<p>Merci pour votre séjour ({{booking.nights}} {{pluralize booking.nights "nuit" "nuits"}}, réservation {{booking.reference}}).</p>
<p>Nous espérons vous accueillir de nouveau très bientôt.</p>`,
  },
  {
    event: "hotel/service.requested",
    channel: "sms",
    locale: "en",
    body: "{{tenant.name}}: we received your request for room {{room.number}} ({{serviceRequest.description}}). Our team is on it.",
  },
  {
    event: "hotel/service.requested",
    channel: "sms",
    locale: "fr",
    body: "{{tenant.name}} : votre demande pour la chambre {{room.number}} ({{serviceRequest.description}}) est bien enregistrée. Notre équipe s'en occupe.",
  },
  {
    event: "hotel/service.requested",
    channel: "email",
    locale: "en",
    subject: "We received your request",
    body: `<p>Dear {{guest.name}},</p>
<p>We received your request for room {{room.number}}:</p>
<blockquote>{{serviceRequest.description}}</blockquote>
<p>Our team is on it.</p>`,
  },
  {
    event: "hotel/service.requested",
    channel: "email",
    locale: "fr",
    subject: "Nous avons bien reçu votre demande",
    body: `<p>Bonjour {{guest.name}},</p>
<p>Nous avons bien reçu votre demande pour la chambre {{room.number}} :</p>
<blockquote>{{serviceRequest.description}}</blockquote>
<p>Notre équipe s'en occupe.</p>`,
  },
];

const platformTemplates: DefaultTemplate[] = [
  {
    event: "tenant.welcome",
    channel: "email",
    locale: "en",
    subject: "Welcome to Hearth, {{tenant.name}}",
    body: `<p>Hi {{recipient.name}},</p>
<p>{{tenant.name}} is ready. Sign in to your portal: <a href="{{portalUrl}}">{{portalUrl}}</a></p>
{{#if trialEndsAt}}<p>Your trial runs until {{formatDate trialEndsAt "full"}}.</p>{{/if}}`,
  },
  {
    event: "tenant.welcome",
    channel: "email",
    locale: "fr",
    subject: "Bienvenue sur Hearth, {{tenant.name}}",
    body: `<p>Bonjour {{recipient.name}},</p>
<p>{{tenant.name}} est prêt. Connectez-vous à votre portail : <a href="{{portalUrl}}">{{portalUrl}}</a></p>
{{#if trialEndsAt}}<p>Votre essai se termine le {{formatDate trialEndsAt "full"}}.</p>{{/if}}`,
  },
  {
    event: "invoice.issued",
    channel: "email",
    locale: "en",
    subject: "Invoice {{invoice.number}} for {{tenant.name}}",
    body: `<p>Hi {{recipient.name}},</p>
<p>Invoice {{invoice.number}} for {{money invoice.totalMinor invoice.currency}} is due on {{formatDate invoice.dueDate "long"}}.</p>
<p><a href="{{invoice.url}}">View the invoice</a></p>`,
  },
  {
    event: "invoice.issued",
    channel: "email",
    locale: "fr",
    subject: "Facture {{invoice.number}} pour {{tenant.name}}",
    body: `<p>Bonjour {{recipient.name}},</p>
<p>La facture {{invoice.number}} d'un montant de {{money invoice.totalMinor invoice.currency}} est à régler avant le {{formatDate invoice.dueDate "long"}}.</p>
<p><a href="{{invoice.url}}">Voir la facture</a></p>`,
  },
  // Dunning's reminder. The SMS is on the platform's account, not the hotel's credits.
  {
    event: "invoice.overdue",
    channel: "email",
    locale: "en",
    subject: "Invoice {{invoice.number}} is overdue",
    body: `<p>Hi {{recipient.name}},</p>
<p>Invoice {{invoice.number}} for {{money invoice.amountDueMinor invoice.currency}} was due on {{formatDate invoice.dueDate "long"}} and is {{invoice.daysOverdue}} {{pluralize invoice.daysOverdue "day" "days"}} overdue. Unless it is paid, {{tenant.name}} will be suspended on {{formatDate suspendOn "long"}}.</p>
<p><a href="{{invoice.url}}">Pay now</a></p>`,
  },
  {
    event: "invoice.overdue",
    channel: "email",
    locale: "fr",
    subject: "La facture {{invoice.number}} est en retard de paiement",
    body: `<p>Bonjour {{recipient.name}},</p>
<p>La facture {{invoice.number}} d'un montant de {{money invoice.amountDueMinor invoice.currency}} était à régler le {{formatDate invoice.dueDate "long"}} et reste impayée depuis {{invoice.daysOverdue}} {{pluralize invoice.daysOverdue "jour" "jours"}}. Sans paiement, {{tenant.name}} sera suspendu le {{formatDate suspendOn "long"}}.</p>
<p><a href="{{invoice.url}}">Payer maintenant</a></p>`,
  },
  {
    event: "invoice.overdue",
    channel: "sms",
    locale: "en",
    body: "Hearth: invoice {{invoice.number}} ({{money invoice.amountDueMinor invoice.currency}}) is {{invoice.daysOverdue}} days overdue. Pay: {{invoice.url}}",
  },
  {
    event: "invoice.overdue",
    channel: "sms",
    locale: "fr",
    body: 'Hearth : facture {{invoice.number}} ({{money invoice.amountDueMinor invoice.currency}}) impayée depuis {{invoice.daysOverdue}} {{pluralize invoice.daysOverdue "jour" "jours"}}. Payer : {{invoice.url}}',
  },
  {
    event: "payment.received",
    channel: "email",
    locale: "en",
    subject: "Payment received: {{money payment.amountMinor payment.currency}}",
    body: `<p>Hi {{recipient.name}},</p>
<p>We received {{money payment.amountMinor payment.currency}} on {{formatDateTime payment.receivedAt}}{{#if payment.invoiceNumber}} for invoice {{payment.invoiceNumber}}{{/if}}. Thank you.</p>`,
  },
  {
    event: "payment.received",
    channel: "email",
    locale: "fr",
    subject: "Paiement reçu : {{money payment.amountMinor payment.currency}}",
    body: `<p>Bonjour {{recipient.name}},</p>
<p>Nous avons reçu {{money payment.amountMinor payment.currency}} le {{formatDateTime payment.receivedAt}}{{#if payment.invoiceNumber}} pour la facture {{payment.invoiceNumber}}{{/if}}. Merci.</p>`,
  },
  {
    event: "ticket.updated",
    channel: "email",
    locale: "en",
    subject: "[{{ticket.number}}] {{ticket.subject}}",
    body: `<p>Hi {{recipient.name}},</p>
<p>Your support ticket {{ticket.number}} is now <strong>{{ticket.status}}</strong>.</p>
{{#if comment}}<blockquote>{{comment}}</blockquote>{{/if}}
<p><a href="{{ticket.url}}">Open the ticket</a></p>`,
  },
  {
    event: "ticket.updated",
    channel: "email",
    locale: "fr",
    subject: "[{{ticket.number}}] {{ticket.subject}}",
    body: `<p>Bonjour {{recipient.name}},</p>
<p>Votre ticket {{ticket.number}} est maintenant : <strong>{{ticket.status}}</strong>.</p>
{{#if comment}}<blockquote>{{comment}}</blockquote>{{/if}}
<p><a href="{{ticket.url}}">Ouvrir le ticket</a></p>`,
  },
  {
    event: "alert.triggered",
    channel: "email",
    locale: "en",
    subject: "[{{upper alert.severity}}] {{alert.title}}",
    body: `<p>{{alert.title}} ({{alert.severity}}) at {{formatDateTime alert.triggeredAt}}.</p>
<p>{{alert.detail}}</p>
<p><a href="{{alert.url}}">Details</a></p>`,
  },
  {
    event: "alert.triggered",
    channel: "email",
    locale: "fr",
    subject: "[{{upper alert.severity}}] {{alert.title}}",
    body: `<p>{{alert.title}} ({{alert.severity}}) le {{formatDateTime alert.triggeredAt}}.</p>
<p>{{alert.detail}}</p>
<p><a href="{{alert.url}}">Détails</a></p>`,
  },
  // Alerts are the one platform message urgent enough to text.
  {
    event: "alert.triggered",
    channel: "sms",
    locale: "en",
    body: "Hearth alert ({{alert.severity}}) for {{tenant.name}}: {{alert.title}}. {{alert.url}}",
  },
  {
    event: "alert.triggered",
    channel: "sms",
    locale: "fr",
    body: "Alerte Hearth ({{alert.severity}}) pour {{tenant.name}} : {{alert.title}}. {{alert.url}}",
  },
  // Sent as platform mail (no tenant), so dates render in UTC and say so.
  {
    event: "member.invite",
    channel: "email",
    locale: "en",
    subject: "{{inviter.name}} invited you to join {{tenant.name}} on Hearth",
    body: `<p>Hello{{#if recipient.name}} {{recipient.name}}{{/if}},</p>
<p>{{inviter.name}} invited you to join <strong>{{tenant.name}}</strong> on Hearth as {{role}}.</p>
<p><a href="{{acceptUrl}}">Accept the invitation</a></p>
<p>Or paste this link into your browser: {{acceptUrl}}</p>
<p>The link works once and expires on {{formatDateTime expiresAt "long"}} (UTC). If you were not expecting this invitation, you can ignore this email.</p>
<p>The Hearth team</p>`,
  },
  {
    event: "member.invite",
    channel: "email",
    locale: "fr",
    subject: "{{inviter.name}} vous invite à rejoindre {{tenant.name}} sur Hearth",
    body: `<p>Bonjour{{#if recipient.name}} {{recipient.name}}{{/if}},</p>
<p>{{inviter.name}} vous invite à rejoindre <strong>{{tenant.name}}</strong> sur Hearth en tant que {{#if (eq role "owner")}}propriétaire{{else if (eq role "manager")}}responsable{{else}}membre du personnel{{/if}}.</p>
<p><a href="{{acceptUrl}}">Accepter l'invitation</a></p>
<p>Ou copiez ce lien dans votre navigateur : {{acceptUrl}}</p>
<p>Le lien ne fonctionne qu'une fois et expire le {{formatDateTime expiresAt "long"}} (UTC). Si vous n'attendiez pas cette invitation, ignorez cet e-mail.</p>
<p>L'équipe Hearth</p>`,
  },
];

export const defaultTemplates: readonly DefaultTemplate[] = [...guestTemplates, ...platformTemplates];
