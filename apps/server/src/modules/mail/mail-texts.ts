import type { MailTopic } from '../notification/index.ts';

/** The words of every mail, in Korean and English (the recipient's locale decides). */
const TEXTS = {
  ko: {
    footer: 'EcoHub · 지역에코혁신사업 협업 허브에서 보낸 메일입니다.',
    unsubscribe: '이 종류의 메일 받지 않기',
    invitationSubject: 'EcoHub에 초대되었습니다',
    invitationHeading: (name: string) => `${name}님, EcoHub에 초대되었습니다`,
    invitationBody: (inviter: string) => `${inviter}님이 EcoHub에 초대했습니다. 아래 링크에서 비밀번호를 정하고 로그인하세요. 링크는 7일 동안 한 번만 쓸 수 있습니다.`,
    invitationAction: '초대 수락하기',
    signInSubject: 'EcoHub 로그인 링크',
    signInHeading: 'EcoHub 로그인',
    signInBody: '아래 링크를 누르면 로그인됩니다. 링크는 15분 동안 한 번만 쓸 수 있습니다. 요청하지 않았다면 이 메일을 무시하세요.',
    signInAction: '로그인하기',
    notificationsSubject: (count: number): string => `EcoHub 새 알림 ${count}건`,
    notificationsHeading: '새 알림',
    notificationsBody: '지난 알림 이후 새로 생긴 일입니다.',
    digestSubject: (weekly: boolean): string => (weekly ? 'EcoHub 주간 요약' : 'EcoHub 일일 요약'),
    digestHeading: (weekly: boolean, from: string): string => (weekly ? `${from}부터 한 주 요약` : `${from} 하루 요약`),
    digestCompany: (name: string, done: number, measures: number, comments: number) =>
      `${name}: 완료된 과제 ${done}건, 상태가 바뀐 개선 조치 ${measures}건, 새 댓글 ${comments}건`,
    digestKpi: (count: number, savings: number, tco2e: number): string =>
      `이행된 개선 조치 ${count}건으로 연간 절감액 ${new Intl.NumberFormat('ko-KR', { style: 'currency', currency: 'KRW' }).format(savings)}, 온실가스 ${new Intl.NumberFormat('ko-KR', { maximumFractionDigits: 3 }).format(tco2e)} tCO2e 감축이 늘었습니다.`,
    digestNothing: '이 기간에 담당 기업에서 새로 바뀐 일은 없습니다.',
    digestPending: '아직 읽지 않은 알림',
    kindLine: {
      MENTION: (actor: string, task: string) => `${actor}님이 "${task}" 과제 댓글에서 회원님을 언급했습니다`,
      ASSIGNMENT: (actor: string, task: string) => `${actor}님이 "${task}" 과제를 회원님에게 배정했습니다`,
      DUE_SOON: (_: string, task: string) => `"${task}" 과제의 마감이 이틀 남았습니다`,
      OVERDUE: (_: string, task: string) => `"${task}" 과제가 마감일을 넘겼습니다`,
      FOLLOW_UP_DUE: (_: string, subject: string) => `사후관리 시기입니다: "${subject}" 개선 과제의 적용 결과를 알려 주세요`,
      FOLLOW_UP_REMINDER: (_: string, subject: string) => `"${subject}" 사후관리 답변을 기다리고 있습니다`,
    } satisfies Record<Exclude<MailTopic, 'DIGEST'>, (actor: string, subject: string) => string>,
    followUpRound: (company: string, startYear: number, yearNumber: number, months: number) => `${company} ${startYear} ${yearNumber}차년도 ${months}개월 사후관리`,
    followUpRoundLine: {
      FOLLOW_UP_DUE: (round: string) => `"${round}" 요청이 열렸습니다: 개선 과제별 적용 결과를 알려 주세요`,
      FOLLOW_UP_REMINDER: (round: string) => `"${round}" 답변을 기다리고 있습니다`,
    },
    unsubscribed: (topic: string) => `${topic} 메일을 더 이상 보내지 않습니다. 설정에서 다시 켤 수 있습니다.`,
    unsubscribeConfirm: (topic: string) => `${topic} 메일을 그만 받으시겠습니까?`,
    unsubscribeButton: '받지 않기',
    unsubscribeUnknown: '이 링크는 유효하지 않습니다.',
    topic: { MENTION: '언급', ASSIGNMENT: '배정', DUE_SOON: '마감 임박', OVERDUE: '마감 지남', FOLLOW_UP_DUE: '사후관리', FOLLOW_UP_REMINDER: '사후관리 독촉', DIGEST: '요약' } satisfies Record<MailTopic, string>,
    someone: '누군가',
  },
  en: {
    footer: 'Sent by EcoHub, the collaboration hub of the regional eco-innovation program.',
    unsubscribe: 'Stop mail of this kind',
    invitationSubject: 'You are invited to EcoHub',
    invitationHeading: (name: string) => `${name}, you are invited to EcoHub`,
    invitationBody: (inviter: string) => `${inviter} invited you to EcoHub. Open the link below to choose a password and sign in. The link works once, for 7 days.`,
    invitationAction: 'Accept the invitation',
    signInSubject: 'Your EcoHub sign-in link',
    signInHeading: 'Sign in to EcoHub',
    signInBody: 'Open the link below to sign in. It works once, for 15 minutes. If you did not ask for it, ignore this mail.',
    signInAction: 'Sign in',
    notificationsSubject: (count: number): string => `EcoHub: ${count} new notification${count === 1 ? '' : 's'}`,
    notificationsHeading: 'New notifications',
    notificationsBody: 'What is new for you since the last mail.',
    digestSubject: (weekly: boolean): string => (weekly ? 'EcoHub weekly digest' : 'EcoHub daily digest'),
    digestHeading: (weekly: boolean, from: string): string => (weekly ? `The week from ${from}` : `${from} in your companies`),
    digestCompany: (name: string, done: number, measures: number, comments: number) =>
      `${name}: ${done} task(s) done, ${measures} measure(s) moved, ${comments} new comment(s)`,
    digestKpi: (count: number, savings: number, tco2e: number): string =>
      `${count} measure(s) implemented: annual savings up ${new Intl.NumberFormat('en-US', { style: 'currency', currency: 'KRW' }).format(savings)}, GHG reduction up ${new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 }).format(tco2e)} tCO2e.`,
    digestNothing: 'Nothing changed in your companies in this period.',
    digestPending: 'Unread notifications',
    kindLine: {
      MENTION: (actor: string, task: string) => `${actor} mentioned you in a comment on "${task}"`,
      ASSIGNMENT: (actor: string, task: string) => `${actor} assigned "${task}" to you`,
      DUE_SOON: (_: string, task: string) => `"${task}" is due in 2 days`,
      OVERDUE: (_: string, task: string) => `"${task}" is overdue`,
      FOLLOW_UP_DUE: (_: string, subject: string) => `A follow-up is due: tell us what became of "${subject}"`,
      FOLLOW_UP_REMINDER: (_: string, subject: string) => `Your follow-up answers for "${subject}" are still awaited`,
    } satisfies Record<Exclude<MailTopic, 'DIGEST'>, (actor: string, subject: string) => string>,
    followUpRound: (company: string, startYear: number, yearNumber: number, months: number) => `${company}, ${startYear} year ${yearNumber}, ${months}-month follow-up`,
    followUpRoundLine: {
      FOLLOW_UP_DUE: (round: string) => `"${round}" is open: tell us what became of each recommended measure`,
      FOLLOW_UP_REMINDER: (round: string) => `Your answers to "${round}" are still awaited`,
    },
    unsubscribed: (topic: string) => `You will no longer get ${topic} mail. You can turn it back on in your settings.`,
    unsubscribeConfirm: (topic: string) => `Stop ${topic} mail?`,
    unsubscribeButton: 'Unsubscribe',
    unsubscribeUnknown: 'This link is not valid.',
    topic: { MENTION: 'mention', ASSIGNMENT: 'assignment', DUE_SOON: 'due-soon', OVERDUE: 'overdue', FOLLOW_UP_DUE: 'follow-up', FOLLOW_UP_REMINDER: 'follow-up reminder', DIGEST: 'digest' } satisfies Record<MailTopic, string>,
    someone: 'Someone',
  },
};

export type MailTexts = (typeof TEXTS)['ko'];

export function mailText(locale: 'ko' | 'en'): MailTexts {
  return TEXTS[locale];
}
