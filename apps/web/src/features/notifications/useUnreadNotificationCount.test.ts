import urql from '@urql/vue';
import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent, h, shallowRef } from 'vue';
import { mockClient } from '@/testing/mock-client';
import { notificationsMarkedRead, useUnreadNotificationCount } from './useUnreadNotificationCount';

function setup() {
  const mock = mockClient({ UnreadNotificationCount: () => ({ data: { liveSequence: 10, unreadNotificationCount: 3 } }) });
  const Probe = defineComponent({
    setup() {
      const { count } = useUnreadNotificationCount();
      return () => h('output', String(count.value));
    },
  });
  const wrapper = mount(Probe, { global: { plugins: [[urql, shallowRef(mock.client)]] } });
  return { mock, wrapper };
}

const added = (seq: number, readAt: string | null = null) => ({
  notificationAdded: { seq, notification: { id: `n-${seq}`, kind: 'MENTION', readAt, createdAt: '2012-11-22T05:00:00Z' } },
});

describe('the unread notification count', () => {
  it('counts notificationAdded events from the loaded position on, without querying again', async () => {
    const { mock, wrapper } = setup();
    await flushPromises();
    expect(wrapper.text()).toBe('3');
    expect(mock.callsOf('NotificationAdded')[0]?.variables).toEqual({ since: 10 });
    mock.emit('NotificationAdded', added(11));
    mock.emit('NotificationAdded', added(12));
    mock.emit('NotificationAdded', added(13, '2012-11-22T05:00:01Z'));
    await flushPromises();
    expect(wrapper.text()).toBe('5');
    expect(mock.callsOf('UnreadNotificationCount')).toHaveLength(1);
  });

  it('follows the viewer’s own mark-read answers', async () => {
    const { wrapper } = setup();
    await flushPromises();
    notificationsMarkedRead(2);
    await flushPromises();
    expect(wrapper.text()).toBe('1');
    notificationsMarkedRead(5);
    await flushPromises();
    expect(wrapper.text()).toBe('0');
  });
});
